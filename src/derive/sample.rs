//! Drawing the computers of a spot check (随机抽检): a sample stratified by department, the
//! same for the same seed on every platform, so the inspector can print which seed drew it
//! and anyone can draw it again. Integer arithmetic only (no floating point in the sizes),
//! and our own SplitMix64 rather than a crate whose stream may change between versions.

/// A sampling ratio, kept exact as parts per million (10 % is 100 000), so that "10 % of 50"
/// is 5 and not 5.000000000000001 rounded up to 6.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ratio {
    ppm: u64,
}

/// Why a `--ratio` was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RatioError {
    /// Not a number, a fraction or a percentage.
    #[error("“{0}”不是比例：可以写 10%、0.1（即 10%）或 10（即 10%）")]
    NotARatio(String),
    /// More than all the computers.
    #[error("比例“{0}”超过了 100%")]
    OverAll(String),
}

const MILLION: u64 = 1_000_000;

impl Ratio {
    /// 10 %, what an inspection usually draws.
    pub const DEFAULT: Ratio = Ratio { ppm: 100_000 };

    /// `10%` (or `10％`) and `10` are percentages, `0.1` a fraction: a number below 1 is a
    /// fraction, any other a percentage.
    pub fn parse(text: &str) -> Result<Ratio, RatioError> {
        let t = text.trim();
        let (number, percent) = match t.strip_suffix(['%', '％']) {
            Some(n) => (n.trim(), true),
            None => (t, false),
        };
        let refuse = || RatioError::NotARatio(t.to_string());
        let (whole, frac) = number.split_once('.').unwrap_or((number, ""));
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if (whole.is_empty() && frac.is_empty()) || !digits(whole) || !digits(frac) {
            return Err(refuse());
        }
        // exact to six places after the point; a seventh place changes nothing that counts
        let frac6: String = frac.chars().chain(std::iter::repeat('0')).take(6).collect();
        let whole: u64 = if whole.is_empty() {
            0
        } else {
            whole.parse().map_err(|_| refuse())?
        };
        let micro = whole
            .checked_mul(MILLION)
            .and_then(|w| w.checked_add(frac6.parse::<u64>().ok()?))
            .ok_or_else(refuse)?;
        let ppm = if percent || micro >= MILLION {
            micro / 100
        } else {
            micro
        };
        if ppm > MILLION {
            return Err(RatioError::OverAll(t.to_string()));
        }
        Ok(Ratio { ppm })
    }

    /// The ratio of `count`, rounded up (10 % of 42 is 5).
    pub fn of(self, count: usize) -> usize {
        (count as u64 * self.ppm).div_ceil(MILLION) as usize
    }

    /// As a clerk writes it: `10%`, `12.5%`.
    pub fn percent(self) -> String {
        let hundredths = self.ppm / 100;
        let (whole, frac) = (hundredths / 100, hundredths % 100);
        match frac {
            0 => format!("{whole}%"),
            f if f % 10 == 0 => format!("{whole}.{}%", f / 10),
            f => format!("{whole}.{f:02}%"),
        }
    }
}

/// How many of `count` computers to draw: the ratio rounded up, at least `min`, at most all.
pub fn sample_size(count: usize, ratio: Ratio, min: usize) -> usize {
    ratio.of(count).max(min).min(count)
}

/// SplitMix64 (Steele, Lea and Flood 2014): a tiny generator whose stream is fixed by its
/// definition, the same on every platform and every version of this program.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    /// A generator started at `seed`.
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    /// The next number of the stream.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0), every one equally likely: draws in the last incomplete
    /// run of `n` are drawn again rather than folded onto the small numbers.
    pub fn below(&mut self, n: u64) -> u64 {
        let zone = u64::MAX - u64::MAX % n;
        loop {
            let x = self.next_u64();
            if x < zone {
                return x % n;
            }
        }
    }
}

/// Draw `size` of `items`, each a (stratum, key) pair, stratified by stratum: the indices of
/// the items drawn, by stratum then key. Inputs are sorted first, so the order they come in
/// does not matter; keys are expected unique.
///
/// Allocation is proportional (largest remainder) with, when `size` allows, at least one
/// item of every stratum; when it does not, the largest strata get one each, ties broken
/// by the draw.
pub fn draw<S: Ord, K: Ord>(items: &[(S, K)], size: usize, seed: u64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by(|&a, &b| items[a].cmp(&items[b]));
    let mut strata: Vec<Vec<usize>> = Vec::new();
    for &i in &order {
        match strata.last_mut() {
            Some(s) if items[s[0]].0 == items[i].0 => s.push(i),
            _ => strata.push(vec![i]),
        }
    }
    let mut rng = SplitMix64::new(seed);
    let sizes: Vec<usize> = strata.iter().map(Vec::len).collect();
    let allocation = allocate(&sizes, size, &mut rng);
    let mut drawn = Vec::new();
    for (members, take) in strata.iter().zip(allocation) {
        // a partial Fisher–Yates shuffle: the first `take` places are the draw
        let mut pool = members.clone();
        for i in 0..take {
            let j = i + rng.below((pool.len() - i) as u64) as usize;
            pool.swap(i, j);
        }
        let mut chosen = pool[..take].to_vec();
        chosen.sort_by(|&a, &b| items[a].1.cmp(&items[b].1));
        drawn.extend(chosen);
    }
    drawn
}

/// How many to draw from each stratum of the given sizes, `size` in all (at most the total).
fn allocate(sizes: &[usize], size: usize, rng: &mut SplitMix64) -> Vec<usize> {
    let total: usize = sizes.iter().sum();
    let n = size.min(total);
    // drawn before anything else, so equal strata are not favoured by their names
    let ties: Vec<u64> = sizes.iter().map(|_| rng.next_u64()).collect();
    let mut taken: Vec<usize> = if n >= sizes.len() {
        sizes.iter().map(|&s| s.min(1)).collect()
    } else {
        vec![0; sizes.len()]
    };
    let mut left = n - taken.iter().sum::<usize>();
    while left > 0 {
        // the stratum furthest below its share n·size/total, compared times total
        let deficit = |i: usize| n as i128 * sizes[i] as i128 - taken[i] as i128 * total as i128;
        let Some(next) = (0..sizes.len())
            .filter(|&i| taken[i] < sizes[i])
            .max_by(|&a, &b| deficit(a).cmp(&deficit(b)).then(ties[a].cmp(&ties[b])))
        else {
            break;
        };
        taken[next] += 1;
        left -= 1;
    }
    taken
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ratio(s: &str) -> Ratio {
        Ratio::parse(s).unwrap()
    }

    #[test]
    fn ratios_as_clerks_write_them() {
        assert_eq!(ratio("10%"), Ratio::DEFAULT);
        assert_eq!(ratio("0.1"), Ratio::DEFAULT);
        assert_eq!(ratio("10"), Ratio::DEFAULT);
        assert_eq!(ratio(" 10 ％"), Ratio::DEFAULT);
        assert_eq!(ratio(".1"), Ratio::DEFAULT);
        assert_eq!(ratio("12.5%").percent(), "12.5%");
        assert_eq!(ratio("0.125").percent(), "12.5%");
        assert_eq!(ratio("100%").percent(), "100%");
        assert_eq!(ratio("1").percent(), "1%");
        assert_eq!(ratio("0").of(40), 0);
        assert!(matches!(Ratio::parse("150%"), Err(RatioError::OverAll(_))));
        assert!(matches!(Ratio::parse("十"), Err(RatioError::NotARatio(_))));
        assert!(matches!(Ratio::parse("%"), Err(RatioError::NotARatio(_))));
        assert!(matches!(Ratio::parse("-5"), Err(RatioError::NotARatio(_))));
    }

    #[test]
    fn sizes_round_up_and_respect_min_and_count() {
        assert_eq!(Ratio::DEFAULT.of(42), 5);
        assert_eq!(Ratio::DEFAULT.of(50), 5);
        assert_eq!(Ratio::DEFAULT.of(51), 6);
        assert_eq!(sample_size(42, Ratio::DEFAULT, 5), 5);
        assert_eq!(sample_size(100, Ratio::DEFAULT, 5), 10);
        assert_eq!(sample_size(20, Ratio::DEFAULT, 5), 5);
        assert_eq!(sample_size(3, Ratio::DEFAULT, 5), 3);
        assert_eq!(sample_size(0, Ratio::DEFAULT, 5), 0);
    }

    #[test]
    fn splitmix64_is_the_published_stream() {
        // the reference implementation's first outputs from seed 0
        let mut r = SplitMix64::new(0);
        assert_eq!(r.next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(r.next_u64(), 0x6E78_9E6A_A1B9_65F4);
        assert_eq!(r.next_u64(), 0x06C4_5D18_8009_454F);
    }

    /// 100 computers in departments of 50, 30, 15 and 5.
    fn office() -> Vec<(String, String)> {
        [
            ("财政办", 50),
            ("党政办", 30),
            ("综治办", 15),
            ("农业服务中心", 5),
        ]
        .iter()
        .flat_map(|(d, n)| (0..*n).map(move |i| (d.to_string(), format!("PC-{d}-{i:03}"))))
        .collect()
    }

    fn per_department(items: &[(String, String)], drawn: &[usize]) -> Vec<(String, usize)> {
        let mut count: std::collections::BTreeMap<String, usize> = Default::default();
        for &i in drawn {
            *count.entry(items[i].0.clone()).or_default() += 1;
        }
        count.into_iter().collect()
    }

    #[test]
    fn same_seed_same_sample_whatever_the_input_order() {
        let items = office();
        let a = draw(&items, 10, 42);
        assert_eq!(a, draw(&items, 10, 42));
        let mut reversed = items.clone();
        reversed.reverse();
        let keys = |items: &[(String, String)], drawn: &[usize]| -> Vec<String> {
            drawn.iter().map(|&i| items[i].1.clone()).collect()
        };
        assert_eq!(keys(&items, &a), keys(&reversed, &draw(&reversed, 10, 42)));
        assert_ne!(keys(&items, &a), keys(&items, &draw(&items, 10, 43)));
    }

    #[test]
    fn proportional_to_the_departments() {
        let items = office();
        let drawn = draw(&items, 20, 7);
        assert_eq!(drawn.len(), 20);
        assert_eq!(
            per_department(&items, &drawn),
            [
                ("党政办".to_string(), 6),
                ("农业服务中心".to_string(), 1),
                ("综治办".to_string(), 3),
                ("财政办".to_string(), 10),
            ]
        );
        let mut unique = drawn.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), 20, "no computer twice");
    }

    #[test]
    fn every_department_when_the_size_allows() {
        let items = office();
        // 5 % of 100 would give 农业服务中心 nothing; it still gets one
        let drawn = draw(&items, 5, 1);
        let counts = per_department(&items, &drawn);
        assert_eq!(counts.len(), 4, "{counts:?}");
        assert_eq!(drawn.len(), 5);
        // fewer than the departments: the largest get one each
        let counts = per_department(&items, &draw(&items, 2, 1));
        assert_eq!(
            counts,
            [("党政办".to_string(), 1), ("财政办".to_string(), 1)]
        );
    }

    #[test]
    fn all_computers_when_min_reaches_the_count() {
        let items: Vec<(String, String)> = office().into_iter().take(7).collect();
        let size = sample_size(items.len(), Ratio::DEFAULT, 10);
        assert_eq!(size, 7);
        let mut drawn = draw(&items, size, 99);
        drawn.sort_unstable();
        assert_eq!(drawn, (0..7).collect::<Vec<_>>());
    }

    #[test]
    fn min_is_respected() {
        let items = office();
        let size = sample_size(items.len(), ratio("1%"), 8);
        assert_eq!(draw(&items, size, 5).len(), 8);
    }
}
