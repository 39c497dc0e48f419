// What the page adds to window: the graph, for browser tests and the console.
interface Window {
  stancegraph: { cy: import('cytoscape').Core; setLayout: (name: string) => void; replace: (elements: unknown) => void };
}
