//! The roll-up's two charts drawn as inline SVG for the HTML page: nothing fetched, every
//! label escaped, every bar with its value printed on it (a printed page has no tooltip).

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

/// Horizontal bars, three per unit (操作系统, 办公软件, 杀毒软件), in the order given
/// (lowest rate first), each with its value printed at its end. The value axis runs from
/// `min` to 100 %, and its title says so when `min` is not 0. Each unit is labelled by its
/// name and, on a second line, where it came from: units whose ledgers state the same name
/// stay apart.
pub fn rates_chart(title: &str, units: &[&UnitEntry], labels: [&str; 3], min: f64) -> String {
    const LEFT: f64 = 250.0;
    const PLOT: f64 = 640.0;
    const TOP: f64 = 64.0;
    const BAR: f64 = 10.0;
    const GROUP: f64 = 3.0 * BAR + 12.0;
    let width = LEFT + PLOT + 56.0;
    let height = TOP + units.len() as f64 * GROUP + 52.0;
    let span = (1.0 - min).max(0.01);
    let x_of = |r: f64| LEFT + PLOT * ((r - min) / span).clamp(0.0, 1.0);
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
    let bottom = TOP + units.len() as f64 * GROUP;
    let ticks = ((span / if span <= 0.2 { 0.01 } else { 0.1 }).round() as usize).max(1);
    let every = if ticks > 10 { ticks.div_ceil(10) } else { 1 };
    for t in (0..=ticks).step_by(every) {
        let v = min + span * t as f64 / ticks as f64;
        let x = x_of(v);
        let _ = write!(
            s,
            "<line x1=\"{x:.1}\" y1=\"{TOP}\" x2=\"{x:.1}\" y2=\"{bottom}\" stroke=\"#d0d0d0\"/><text x=\"{x:.1}\" y=\"{}\" text-anchor=\"middle\" {FONT}>{}</text>",
            bottom + 16.0,
            super::percent(Some(v))
        );
    }
    let _ = write!(
        s,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" {FONT} font-weight=\"bold\"{}>{}</text>",
        LEFT + PLOT / 2.0,
        bottom + 38.0,
        if min > 0.0 { " fill=\"#c00000\"" } else { "" },
        escape(&super::rate_axis_title(min))
    );
    for (i, u) in units.iter().enumerate() {
        let y0 = TOP + i as f64 * GROUP + 6.0;
        let source = super::source_short(u).filter(|s| *s != u.name);
        let name_y = if source.is_some() {
            y0 + 11.0
        } else {
            y0 + 1.5 * BAR + 4.0
        };
        let _ = write!(
            s,
            "<text x=\"{}\" y=\"{name_y}\" text-anchor=\"end\" {FONT}><title>{}</title>{}</text>",
            LEFT - 8.0,
            escape(&u.name),
            escape(&clip(&u.name, 18))
        );
        if let Some(src) = &source {
            let _ = write!(
                s,
                "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"10\" fill=\"#666\"><title>{}</title>{}</text>",
                LEFT - 8.0,
                name_y + 14.0,
                escape(&super::source_text(u)),
                escape(&clip(src, 24))
            );
        }
        for (k, rate) in u.metrics.rates.all().iter().enumerate() {
            let y = y0 + k as f64 * BAR;
            match rate {
                Some(r) => {
                    let w = x_of(*r) - LEFT;
                    let _ = write!(
                        s,
                        "<rect x=\"{LEFT}\" y=\"{y}\" width=\"{w:.1}\" height=\"{}\" fill=\"{}\"><title>{} {}：{}</title></rect>",
                        BAR - 1.0,
                        RATE_COLORS[k],
                        escape(&super::chart_label(u)),
                        labels[k],
                        super::percent(Some(*r))
                    );
                    let _ = write!(
                        s,
                        "<text x=\"{:.1}\" y=\"{}\" font-size=\"9\" fill=\"{}\">{}</text>",
                        LEFT + w + 3.0,
                        y + BAR - 2.0,
                        if *r < 1.0 { "#c00000" } else { "#444" },
                        super::percent(Some(*r))
                    );
                }
                None => {
                    let _ = write!(
                        s,
                        "<text x=\"{}\" y=\"{}\" font-size=\"9\" fill=\"#888\">— 无{}安装记录</text>",
                        LEFT + 3.0,
                        y + BAR - 2.0,
                        labels[k]
                    );
                }
            }
        }
    }
    let _ = write!(
        s,
        "<line x1=\"{LEFT}\" y1=\"{TOP}\" x2=\"{LEFT}\" y2=\"{bottom}\" stroke=\"#444\"/>"
    );
    if min > 0.0 {
        // A break mark on the axis line: the bars do not start at 0.
        let y = bottom;
        let _ = write!(
            s,
            "<path d=\"M{} {} l8 -5 M{} {} l8 -5\" stroke=\"#c00000\" stroke-width=\"2\"/>",
            LEFT - 4.0,
            y + 2.0,
            LEFT - 4.0,
            y + 7.0
        );
    }
    s.push_str("</svg>");
    s
}

/// Horizontal stacked bars of findings per rule (errors, warnings, infos) in the order
/// given (most findings first), each labelled by its code and the rule's Chinese summary,
/// with each part's count inside it where it fits and the total at its end.
pub fn rules_chart(title: &str, rules: &[RuleCount]) -> String {
    const LEFT: f64 = 330.0;
    const PLOT: f64 = 560.0;
    const TOP: f64 = 64.0;
    const STEP: f64 = 22.0;
    let width = LEFT + PLOT + 60.0;
    let height = TOP + rules.len() as f64 * STEP + 40.0;
    let max = rules.iter().map(RuleCount::total).max().unwrap_or(0).max(1);
    let step = nice_step(max as f64 / 5.0);
    let top_value = (max as f64 / step).ceil() * step;
    let x_of = |v: f64| LEFT + PLOT * v / top_value;
    let bottom = TOP + rules.len() as f64 * STEP;
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
        let x = x_of(v);
        let _ = write!(
            s,
            "<line x1=\"{x:.1}\" y1=\"{TOP}\" x2=\"{x:.1}\" y2=\"{bottom}\" stroke=\"#d0d0d0\"/><text x=\"{x:.1}\" y=\"{}\" text-anchor=\"middle\" {FONT}>{v}</text>",
            bottom + 16.0
        );
        v += step;
    }
    let _ = write!(
        s,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" {FONT}>问题数（处）</text>",
        LEFT + PLOT / 2.0,
        bottom + 34.0
    );
    for (i, r) in rules.iter().enumerate() {
        let y = TOP + i as f64 * STEP + 3.0;
        let h = STEP - 6.0;
        let label = super::rule_label(r);
        let _ = write!(
            s,
            "<text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\" {FONT}><title>{}</title>{}</text>",
            LEFT - 8.0,
            y + h - 3.0,
            escape(&label),
            escape(&clip(&label, 26))
        );
        let mut base = 0.0;
        for (k, n) in [r.error, r.warning, r.info].iter().enumerate() {
            if *n == 0 {
                continue;
            }
            let (x1, x2) = (x_of(base), x_of(base + *n as f64));
            let _ = write!(
                s,
                "<rect x=\"{x1:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{h}\" fill=\"{}\"><title>{} {}：{} 处</title></rect>",
                x2 - x1,
                SEVERITY_COLORS[k],
                escape(&label),
                ["错误", "警告", "提示"][k],
                n
            );
            // The part's own count where there is room for it.
            if x2 - x1 >= 7.0 * n.to_string().len() as f64 + 4.0 && *n != r.total() {
                let _ = write!(
                    s,
                    "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"10\" fill=\"#fff\">{n}</text>",
                    (x1 + x2) / 2.0,
                    y + h - 4.0
                );
            }
            base += *n as f64;
        }
        let _ = write!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" font-weight=\"bold\">{}</text>",
            x_of(base) + 4.0,
            y + h - 3.0,
            r.total()
        );
    }
    let _ = write!(
        s,
        "<line x1=\"{LEFT}\" y1=\"{TOP}\" x2=\"{LEFT}\" y2=\"{bottom}\" stroke=\"#444\"/></svg>"
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
