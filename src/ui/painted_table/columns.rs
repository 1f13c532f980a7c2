//! Where each column of a painted table starts: fixed widths, and shares of what is left.

/// How wide a column is: fixed points, a share of what the fixed columns leave, or a share
/// that stops at what the column needs (the rest goes to the other shares).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Width {
    Fixed(f32),
    Share(f32),
    ShareUpTo(f32, f32),
}

/// Space left and right inside each cell.
pub const CELL_PADDING: f32 = 6.0;

/// How far the fixed columns shrink, first, before the shared ones do too.
const FIXED_FLOOR: f32 = 0.4;

/// Where each column of a table starts, and where the last one ends.
#[derive(Clone, Debug)]
pub struct Columns {
    edges: Vec<f32>,
}

impl Columns {
    /// Columns filling `width` from `left`. The shared columns get at least `min_shared`
    /// between them: in a narrow window the fixed columns give up room first (down to 40 %),
    /// then every column shrinks alike.
    pub fn new(widths: &[Width], min_shared: f32, left: f32, width: f32) -> Columns {
        let fixed: f32 = widths
            .iter()
            .map(|w| match w {
                Width::Fixed(w) => *w,
                _ => 0.0,
            })
            .sum();
        let (scale, shared) = if width >= fixed + min_shared {
            (1.0, width - fixed)
        } else if fixed > 0.0 && (width - min_shared) / fixed >= FIXED_FLOOR {
            ((width - min_shared) / fixed, min_shared)
        } else {
            let scale = (width / (fixed + min_shared)).max(0.1);
            (scale, min_shared * scale)
        };
        let shares = share_widths(widths, shared);
        let mut edges = Vec::with_capacity(widths.len() + 1);
        edges.push(left);
        let mut at = left;
        for (w, share) in widths.iter().zip(shares) {
            at += match w {
                Width::Fixed(w) => w * scale,
                Width::Share(_) | Width::ShareUpTo(..) => share,
            };
            edges.push(at);
        }
        Columns { edges }
    }

    /// The edges, left to right: one more than there are columns.
    #[cfg(test)]
    fn edges(&self) -> &[f32] {
        &self.edges
    }

    /// The table's width.
    pub fn width(&self) -> f32 {
        self.edges.last().copied().unwrap_or(0.0) - self.edges.first().copied().unwrap_or(0.0)
    }

    /// Column `i` of a row (or of the header), inside its padding.
    pub fn rect(&self, i: usize, row: egui::Rect) -> egui::Rect {
        let (left, right) = (
            self.edges[i] + CELL_PADDING,
            self.edges[i + 1] - CELL_PADDING,
        );
        egui::Rect::from_x_y_ranges(left..=right.max(left), row.y_range())
    }

    /// The column under `x`, if any.
    pub fn at(&self, x: f32) -> Option<usize> {
        if x < self.edges[0] {
            return None;
        }
        self.edges[1..].iter().position(|&edge| x < edge)
    }
}

/// What each shared column gets of `shared`: by share, a capped column no more than its cap
/// while another can take the rest (0 for fixed columns).
fn share_widths(widths: &[Width], shared: f32) -> Vec<f32> {
    let mut out = vec![0.0; widths.len()];
    let mut capped = vec![false; widths.len()];
    let mut left = shared;
    // Each pass caps at least one more column, or settles.
    for _ in 0..widths.len() + 1 {
        let open: f32 = widths
            .iter()
            .zip(&capped)
            .filter(|(_, c)| !**c)
            .map(|(w, _)| match w {
                Width::Share(s) | Width::ShareUpTo(s, _) => *s,
                Width::Fixed(_) => 0.0,
            })
            .sum();
        let mut settled = true;
        for (i, w) in widths.iter().enumerate() {
            if capped[i] {
                continue;
            }
            let share = match w {
                Width::Share(s) | Width::ShareUpTo(s, _) if open > 0.0 => left * s / open,
                _ => 0.0,
            };
            out[i] = share;
            if let Width::ShareUpTo(_, max) = w
                && share > *max
                && widths
                    .iter()
                    .zip(&capped)
                    .any(|(o, c)| !*c && matches!(o, Width::Share(_)))
            {
                out[i] = *max;
                capped[i] = true;
                left -= max;
                settled = false;
                break;
            }
        }
        if settled {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const WIDTHS: [Width; 5] = [
        Width::Fixed(72.0),
        Width::Share(2.0),
        Width::Share(3.0),
        Width::Fixed(112.0),
        Width::Fixed(50.0),
    ];

    #[test]
    fn columns_fill_the_width_and_shrink_alike_when_narrow() {
        let fixed = 72.0 + 112.0 + 50.0;
        for width in [300.0, 500.0, fixed + 260.0, 1040.0, 1900.0] {
            let columns = Columns::new(&WIDTHS, 260.0, 10.0, width);
            let edges = columns.edges();
            assert_eq!(edges.len(), WIDTHS.len() + 1);
            assert!(edges.windows(2).all(|w| w[1] > w[0]), "{width}: {edges:?}");
            assert!((columns.width() - width).abs() < 0.01, "{width}: {edges:?}");
            assert!((edges[0] - 10.0).abs() < f32::EPSILON);
        }
        // Wide: the fixed columns keep their width, the shared ones split the rest 2:3.
        let columns = Columns::new(&WIDTHS, 260.0, 0.0, 1900.0);
        let edges = columns.edges();
        assert!((edges[1] - edges[0] - 72.0).abs() < 0.001);
        let (two, three) = (edges[2] - edges[1], edges[3] - edges[2]);
        assert!((three / two - 1.5).abs() < 0.001);
        assert!((two + three - (1900.0 - fixed)).abs() < 0.01);
        // Narrow: every column keeps its proportion.
        let columns = Columns::new(&WIDTHS, 260.0, 0.0, 300.0);
        let edges = columns.edges();
        let (first, fourth) = (edges[1] - edges[0], edges[4] - edges[3]);
        assert!((fourth / first - 112.0 / 72.0).abs() < 0.001);
    }

    #[test]
    fn a_capped_share_gives_the_rest_away_and_fixed_columns_shrink_first() {
        let widths = [
            Width::Fixed(100.0),
            Width::Share(3.0),
            Width::ShareUpTo(2.0, 200.0),
        ];
        // Wide: the capped column stops at its cap, the other takes the rest.
        let edges = Columns::new(&widths, 300.0, 0.0, 1600.0).edges().to_vec();
        assert!((edges[3] - edges[2] - 200.0).abs() < 0.01, "{edges:?}");
        assert!((edges[2] - edges[1] - 1300.0).abs() < 0.01, "{edges:?}");
        // Narrower than both: the fixed column gives up room, the shares keep theirs.
        let edges = Columns::new(&widths, 300.0, 0.0, 360.0).edges().to_vec();
        assert!((edges[1] - edges[0] - 60.0).abs() < 0.01, "{edges:?}");
        assert!((edges[2] - edges[1] - 180.0).abs() < 0.01, "{edges:?}");
    }

    #[test]
    fn a_point_finds_its_column() {
        let columns = Columns::new(&WIDTHS, 260.0, 100.0, 1000.0);
        assert_eq!(columns.at(99.0), None);
        assert_eq!(columns.at(100.0), Some(0));
        assert_eq!(columns.at(171.0), Some(0));
        assert_eq!(columns.at(173.0), Some(1));
        assert_eq!(columns.at(1099.0), Some(4));
        assert_eq!(columns.at(1101.0), None);
    }

    #[test]
    fn a_cell_keeps_at_least_no_width_in_a_tiny_window() {
        let columns = Columns::new(&WIDTHS, 260.0, 0.0, 10.0);
        let row = egui::Rect::from_min_size(egui::pos2(0.0, 0.0), egui::vec2(10.0, 20.0));
        for i in 0..WIDTHS.len() {
            let rect = columns.rect(i, row);
            assert!(rect.width() >= 0.0 && rect.is_finite(), "{i}: {rect:?}");
        }
    }
}
