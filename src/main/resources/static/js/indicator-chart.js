// Indicators pages: draws the percentages of the table#indicators (rows with data-percent) as horizontal bars with
// Apache ECharts. The table stays the accessible source of the same numbers; the chart is hidden from screen readers.
(function () {
    function draw() {
        var box = document.getElementById('indicator-chart');
        var table = document.getElementById('indicators');
        if (!box || !table || typeof echarts === 'undefined') {
            return;
        }
        var names = [];
        var values = [];
        table.querySelectorAll('tbody tr[data-percent]').forEach(function (tr) {
            var v = tr.getAttribute('data-percent');
            if (v === null || v === '') {
                return;
            }
            names.push(tr.querySelector('th').textContent.trim());
            values.push(Number(v));
        });
        if (!names.length) {
            box.hidden = true;
            return;
        }
        var chart = echarts.init(box, null, {renderer: 'svg'});
        chart.setOption({
            animation: false,
            grid: {left: 196, right: 56, top: 8, bottom: 24, containLabel: false},
            xAxis: {type: 'value', min: 0, max: 100, splitNumber: box.clientWidth < 500 ? 2 : 5, axisLabel: {formatter: '{value} %'}},
            yAxis: {type: 'category', data: names.reverse(), axisLabel: {width: 140, overflow: 'truncate', margin: 8, color: '#1b1b1b'}},
            series: [{type: 'bar', data: values.reverse(), itemStyle: {color: '#005ea2'},
                      label: {show: true, position: 'right', formatter: '{c} %', color: '#1b1b1b'}}]
        });
        window.addEventListener('resize', function () { chart.resize(); });
    }
    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', draw);
    } else {
        draw();
    }
})();
