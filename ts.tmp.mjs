import Parser from 'tree-sitter';
import Python from 'tree-sitter-python';
const p = new Parser(); p.setLanguage(Python);
const src = process.argv[2];
const t = p.parse(src);
function show(n, d=0){ console.log(' '.repeat(d*2)+n.type+(n.childCount?'':' '+JSON.stringify(n.text))); for (let i=0;i<n.childCount;i++) show(n.child(i), d+1); }
show(t.rootNode);
