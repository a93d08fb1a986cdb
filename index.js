// n8n loads the nodes and credentials listed in package.json "n8n"; the package itself exports nothing.
module.exports = {};
