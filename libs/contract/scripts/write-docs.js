// Writes CONTRACT.md from the built contract: npm run docs -w @redvest/contract
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { renderContractDoc } = require('../dist/docs');

writeFileSync(join(__dirname, '../CONTRACT.md'), renderContractDoc());
console.log('CONTRACT.md written');
