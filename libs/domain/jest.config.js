module.exports = { ...require('@redvest/config/jest'), rootDir: __dirname };
