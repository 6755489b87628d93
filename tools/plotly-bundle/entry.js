'use strict';
// The plotly.js traces this dashboard draws: bar, scatter (in core) and treemap.
var Plotly = require('plotly.js/lib/core');
Plotly.register([require('plotly.js/lib/bar'), require('plotly.js/lib/treemap')]);
module.exports = Plotly;
