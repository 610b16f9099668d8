// Indicators pages: draws the series table (table[data-chart=lines]: one row per month, the columns marked
// data-series) as lines with Apache ECharts, with a mark at the reorganisation's month (data-mark). The table stays the
// accessible source of the same numbers; the chart is hidden from screen readers.
(function () {
    var colours = ['#005ea2', '#b50909', '#1a7f37'];
    function draw(table) {
        var box = document.getElementById(table.id + '-chart');
        if (!box || typeof echarts === 'undefined') {
            return;
        }
        var heads = table.querySelectorAll('thead th');
        var columns = [];
        heads.forEach(function (th, i) {
            if (th.getAttribute('data-series')) {
                columns.push({index: i, name: th.textContent.trim()});
            }
        });
        var labels = [];
        var values = columns.map(function () { return []; });
        table.querySelectorAll('tbody tr').forEach(function (tr) {
            var cells = tr.children;
            if (!tr.querySelector('th')) {
                return;
            }
            labels.push(tr.querySelector('th').textContent.trim());
            columns.forEach(function (c, k) {
                var v = cells[c.index] ? cells[c.index].getAttribute('data-value') : null;
                values[k].push(v === null || v === '' ? null : Number(v));
            });
        });
        if (!labels.length) {
            box.hidden = true;
            return;
        }
        var mark = table.getAttribute('data-mark');
        var markLabel = table.getAttribute('data-mark-label');
        var chart = echarts.init(box, null, {renderer: 'svg'});
        chart.setOption({
            animation: false,
            color: colours,
            legend: {top: 0, left: 0, orient: 'vertical', itemGap: 6, textStyle: {color: '#1b1b1b'}},
            grid: {left: 48, right: 24, top: 84, bottom: box.clientWidth < 500 ? 56 : 32},
            // Every month named up to a year (turned on a phone), else as many as fit.
            xAxis: {type: 'category', data: labels, axisLabel: {color: '#1b1b1b', interval: labels.length <= 12 ? 0 : 'auto',
                    rotate: box.clientWidth < 500 ? 45 : 0}},
            yAxis: {type: 'value', min: 0, max: 100, axisLabel: {formatter: '{value} %', color: '#1b1b1b'}},
            series: columns.map(function (c, k) {
                // Months without dossiers are gaps, not zeros; every measured month keeps its dot.
                var s = {type: 'line', name: c.name, data: values[k], connectNulls: false, showAllSymbol: true, symbolSize: 7,
                         label: {show: labels.length <= 12, formatter: '{c} %', color: '#1b1b1b'}};
                if (k === 0 && mark && labels.indexOf(mark) >= 0) {
                    s.markLine = {symbol: 'none', data: [{xAxis: mark}], lineStyle: {color: '#1b1b1b', type: 'dashed'},
                                  label: {formatter: markLabel || mark, color: '#1b1b1b', position: 'insideEndTop'}};
                }
                return s;
            })
        });
        window.addEventListener('resize', function () { chart.resize(); });
    }
    function drawAll() {
        document.querySelectorAll('table[data-chart=lines]').forEach(draw);
    }
    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', drawAll);
    } else {
        drawAll();
    }
})();
