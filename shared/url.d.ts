/**
 * The WHATWG URL parser is a global in every host Hamish runs in (browsers, Node, Electron) but belongs to no
 * ES lib. Declared here, narrowly, so shared/ can check link safety without pulling in DOM or Node types.
 */
declare class URL {
  constructor(url: string, base?: string);
  readonly protocol: string;
  readonly href: string;
  readonly username: string;
  readonly password: string;
}
