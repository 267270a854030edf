//! A radar chart drawn on the server as SVG: one axis per label, one closed line per series.
//! The chart is a picture for the eye; pages put the same numbers in a table next to it, which
//! is what screen readers read (the SVG is `aria-hidden`).

use leptos::prelude::*;

/// One line of the chart: its values on the axes (in axis order; `None` where it has none).
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub name: String,
    pub values: Vec<Option<f32>>,
}

const SIZE: f32 = 320.0;
const CENTRE: f32 = SIZE / 2.0;
const RADIUS: f32 = 112.0;

/// Where value `v` of `max` on axis `i` of `n` lies (axis 0 points up, clockwise).
pub fn point(i: usize, n: usize, v: f32, max: f32) -> (f32, f32) {
    let angle = std::f32::consts::TAU * i as f32 / n.max(1) as f32 - std::f32::consts::FRAC_PI_2;
    let r = RADIUS * (v / max).clamp(0.0, 1.0);
    (CENTRE + r * angle.cos(), CENTRE + r * angle.sin())
}

fn points(coords: impl Iterator<Item = (f32, f32)>) -> String {
    coords
        .map(|(x, y)| format!("{x:.1},{y:.1}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// `axes`: the short labels around the chart; `max`: the top of the scale; `min`: its bottom
/// (rings are drawn at every whole step from `min` to `max`).
#[component]
pub fn Radar(
    axes: Vec<String>,
    series: Vec<Series>,
    max: f32,
    #[prop(default = 1.0)] min: f32,
    #[prop(optional, into)] testid: Option<String>,
) -> impl IntoView {
    let n = axes.len();
    let steps = (max - min).round().max(1.0) as usize;
    let rings = (0..=steps)
        .map(|s| {
            let v = min + s as f32;
            let ring = points((0..n).map(|i| point(i, n, v, max)));
            view! { <polygon class="radar-ring" points=ring /> }
        })
        .collect_view();
    let spokes = (0..n)
        .map(|i| {
            let (x, y) = point(i, n, max, max);
            view! { <line class="radar-spoke" x1=format!("{CENTRE:.1}") x2=format!("{x:.1}") y1=format!("{CENTRE:.1}") y2=format!("{y:.1}") /> }
        })
        .collect_view();
    let labels = axes
        .into_iter()
        .enumerate()
        .map(|(i, label)| {
            let (x, y) = point(i, n, max * 1.2, max);
            let anchor = if (x - CENTRE).abs() < 1.0 {
                "middle"
            } else if x > CENTRE {
                "start"
            } else {
                "end"
            };
            view! {
                <text class="radar-label" x=format!("{x:.1}") y=format!("{y:.1}") text-anchor=anchor dominant-baseline="middle">{label}</text>
            }
        })
        .collect_view();
    let lines = series
        .into_iter()
        .enumerate()
        .map(|(s, series)| {
            // A missing value sits at the centre, so the shape stays closed and honest.
            let line = points(
                series
                    .values
                    .iter()
                    .enumerate()
                    .map(|(i, v)| point(i, n, v.unwrap_or(0.0), max)),
            );
            view! { <polygon class=format!("radar-series radar-series-{}", s % 6 + 1) points=line /> }
        })
        .collect_view();
    view! {
        <svg class="radar" viewBox="-60 -20 440 360" aria-hidden="true" data-testid=testid>
            <g>{rings}{spokes}</g>
            <g>{lines}</g>
            <g>{labels}</g>
        </svg>
    }
}
