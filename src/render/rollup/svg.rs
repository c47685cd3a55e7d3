//! The roll-up's two charts drawn as inline SVG for the HTML page: no script, no network,
//! every label escaped.

use std::fmt::Write;

use crate::base::gate::html as escape;
use crate::rollup::unit::UnitEntry;
use crate::rollup::RuleCount;

/// Bar colours of the three rated categories and of error / warning / info.
pub const RATE_COLORS: [&str; 3] = ["#2f5597", "#2e7d32", "#b7791f"];
const SEVERITY_COLORS: [&str; 3] = ["#c00000", "#b7791f", "#2f5597"];
const FONT: &str = "font-family=\"inherit\" font-size=\"12\"";

fn clip(name: &str, max: usize) -> String {
    if name.chars().count() <= max {
        name.to_string()
    } else {
        let mut s: String = name.chars().take(max - 1).collect();
        s.push('…');
        s
    }
}

/// Horizontal bars, three per unit (操作系统, 办公软件, 杀毒软件), 0–100 %.
pub fn rates_chart(title: &str, units: &[&UnitEntry], labels: [&str; 3]) -> String {
    const LEFT: f64 = 230.0;
    const PLOT: f64 = 600.0;
    const TOP: f64 = 64.0;
    const BAR: f64 = 8.0;
    const GROUP: f64 = 3.0 * BAR + 10.0;
    let width = LEFT + PLOT + 60.0;
    let height = TOP + units.len() as f64 * GROUP + 36.0;
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{t}\">",
        t = escape(title)
    );
    let _ = write!(
        s,
        "<text x=\"{}\" y=\"22\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\">{}</text>",
        width / 2.0,
        escape(title)
    );
    legend(&mut s, LEFT, 42.0, &labels, &RATE_COLORS);
    let bottom = height - 30.0;
    for tick in 0..=4 {
        let x = LEFT + PLOT * tick as f64 / 4.0;
        let _ = write!(
            s,
            "<line x1=\"{x}\" y1=\"{TOP}\" x2=\"{x}\" y2=\"{bottom}\" stroke=\"#d0d0d0\"/><text x=\"{x}\" y=\"{}\" text-anchor=\"middle\" {FONT}>{}%</text>",
            bottom + 16.0,
            tick * 25
        );
    }
    for (i, u) in units.iter().enumerate() {
        let y0 = TOP + i as f64 * GROUP + 4.0;
        let _ = write!(
            s,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" {FONT}><title>{}</title>{}</text>",
            LEFT - 8.0,
            y0 + 1.5 * BAR + 4.0,
            escape(&u.name),
            escape(&clip(&u.name, 16))
        );
        for (k, rate) in u.metrics.rates.all().iter().enumerate() {
            let y = y0 + k as f64 * BAR;
            match rate {
                Some(r) => {
                    let w = PLOT * r.clamp(0.0, 1.0);
                    let _ = write!(
                        s,
                        "<rect x=\"{LEFT}\" y=\"{y}\" width=\"{w:.1}\" height=\"{}\" fill=\"{}\"><title>{} {}：{}</title></rect>",
                        BAR - 1.0,
                        RATE_COLORS[k],
                        escape(&u.name),
                        labels[k],
                        super::percent(Some(*r))
                    );
                    if *r < 1.0 {
                        let _ = write!(
                            s,
                            "<text x=\"{:.1}\" y=\"{}\" font-size=\"9\" fill=\"#c00000\">{}</text>",
                            LEFT + w + 3.0,
                            y + BAR - 1.0,
                            super::percent(Some(*r))
                        );
                    }
                }
                None => {
                    let _ = write!(
                        s,
                        "<text x=\"{}\" y=\"{}\" font-size=\"9\" fill=\"#888\">—</text>",
                        LEFT + 3.0,
                        y + BAR - 1.0
                    );
                }
            }
        }
    }
    let _ = write!(
        s,
        "<line x1=\"{LEFT}\" y1=\"{TOP}\" x2=\"{LEFT}\" y2=\"{bottom}\" stroke=\"#444\"/></svg>"
    );
    s
}

/// Stacked columns of findings per rule: errors, warnings, infos.
pub fn rules_chart(title: &str, rules: &[RuleCount]) -> String {
    const LEFT: f64 = 56.0;
    const TOP: f64 = 64.0;
    const PLOT_H: f64 = 240.0;
    const STEP: f64 = 34.0;
    let plot_w = (rules.len() as f64 * STEP).max(300.0);
    let width = LEFT + plot_w + 24.0;
    let height = TOP + PLOT_H + 70.0;
    let max = rules.iter().map(RuleCount::total).max().unwrap_or(0).max(1);
    let step = nice_step(max as f64 / 5.0);
    let top_value = (max as f64 / step).ceil() * step;
    let y_of = |v: f64| TOP + PLOT_H - PLOT_H * v / top_value;
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{t}\">",
        t = escape(title)
    );
    let _ = write!(
        s,
        "<text x=\"{}\" y=\"22\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\">{}</text>",
        width / 2.0,
        escape(title)
    );
    legend(
        &mut s,
        LEFT,
        42.0,
        &["错误", "警告", "提示"],
        &SEVERITY_COLORS,
    );
    let mut v = 0.0;
    while v <= top_value + 1e-9 {
        let y = y_of(v);
        let _ = write!(
            s,
            "<line x1=\"{LEFT}\" y1=\"{y:.1}\" x2=\"{}\" y2=\"{y:.1}\" stroke=\"#d0d0d0\"/><text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\" {FONT}>{v}</text>",
            LEFT + plot_w,
            LEFT - 6.0,
            y + 4.0
        );
        v += step;
    }
    for (i, r) in rules.iter().enumerate() {
        let x = LEFT + i as f64 * STEP + 6.0;
        let mut base = 0.0;
        for (k, n) in [r.error, r.warning, r.info].iter().enumerate() {
            if *n == 0 {
                continue;
            }
            let (y1, y2) = (y_of(base + *n as f64), y_of(base));
            let _ = write!(
                s,
                "<rect x=\"{x}\" y=\"{y1:.1}\" width=\"{}\" height=\"{:.1}\" fill=\"{}\"><title>{} {}：{} 处</title></rect>",
                STEP - 12.0,
                y2 - y1,
                SEVERITY_COLORS[k],
                escape(&r.code),
                ["错误", "警告", "提示"][k],
                n
            );
            base += *n as f64;
        }
        let _ = write!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"10\">{}</text>",
            x + (STEP - 12.0) / 2.0,
            y_of(base) - 3.0,
            r.total()
        );
        let lx = x + (STEP - 12.0) / 2.0;
        let ly = TOP + PLOT_H + 12.0;
        let _ = write!(
            s,
            "<text x=\"{lx:.1}\" y=\"{ly}\" text-anchor=\"end\" font-size=\"11\" transform=\"rotate(-45 {lx:.1} {ly})\"><title>{}</title>{}</text>",
            escape(&r.summary),
            escape(&r.code)
        );
    }
    let _ = write!(
        s,
        "<line x1=\"{LEFT}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#444\"/></svg>",
        TOP + PLOT_H,
        LEFT + plot_w,
        TOP + PLOT_H
    );
    s
}

fn legend(s: &mut String, x: f64, y: f64, labels: &[&str], colors: &[&str]) {
    let mut at = x;
    for (label, color) in labels.iter().zip(colors) {
        let _ = write!(
            s,
            "<rect x=\"{at}\" y=\"{}\" width=\"12\" height=\"12\" fill=\"{color}\"/><text x=\"{}\" y=\"{}\" {FONT}>{}</text>",
            y - 10.0,
            at + 16.0,
            y,
            escape(label)
        );
        at += 28.0 + 13.0 * label.chars().count() as f64;
    }
}

/// A round axis step (1, 2 or 5 × 10ⁿ) of at least `raw`.
fn nice_step(raw: f64) -> f64 {
    if raw <= 1.0 {
        return 1.0;
    }
    let magnitude = 10f64.powf(raw.log10().floor());
    for m in [1.0, 2.0, 5.0, 10.0] {
        if m * magnitude >= raw {
            return m * magnitude;
        }
    }
    10.0 * magnitude
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_round() {
        assert_eq!(nice_step(0.4), 1.0);
        assert_eq!(nice_step(1.6), 2.0);
        assert_eq!(nice_step(7.0), 10.0);
        assert_eq!(nice_step(23.0), 50.0);
    }

    #[test]
    fn labels_are_escaped() {
        let rules = vec![RuleCount {
            code: "<b>".into(),
            summary: "a&b".into(),
            units: 1,
            error: 2,
            warning: 1,
            info: 0,
        }];
        let svg = rules_chart("t", &rules);
        assert!(svg.contains("&lt;b&gt;") && svg.contains("a&amp;b"));
        assert!(!svg.contains("<b>"));
    }
}
