//! The clerk's own folders (文档, 桌面): where a copy goes when the workbook's folder cannot
//! be written — a write-protected USB stick, a mail client's attachment folder, a CD — so
//! that dropping a workbook still gives the clerk something to open.

use std::path::{Path, PathBuf};

/// A folder of the user's to write into instead, and the name a clerk knows it by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserFolder {
    /// The folder.
    pub path: PathBuf,
    /// 文档, 桌面 or 个人文件夹.
    pub name: &'static str,
}

/// The first of the user's documents folder, desktop and home folder that exists.
pub fn fallback() -> Option<UserFolder> {
    candidates().into_iter().find(|f| f.path.is_dir())
}

fn candidates() -> Vec<UserFolder> {
    let Some(home) = home() else {
        return Vec::new();
    };
    let folder = |path: PathBuf, name| UserFolder { path, name };
    let mut out = Vec::new();
    if cfg!(windows) {
        // the known folders' real names; Explorer shows them as 文档 and 桌面
        out.push(folder(home.join("Documents"), "文档"));
        out.push(folder(home.join("Desktop"), "桌面"));
    } else {
        // the desktop's own names (UOS and Kylin in Chinese: ~/文档, ~/桌面)
        let dirs = xdg_user_dirs(&home);
        for (key, name) in [("XDG_DOCUMENTS_DIR", "文档"), ("XDG_DESKTOP_DIR", "桌面")] {
            if let Some(p) = dirs.iter().find(|(k, _)| k == key).map(|(_, p)| p) {
                // `$HOME/` itself means "not set" in user-dirs.dirs
                if p != &home {
                    out.push(folder(p.clone(), name));
                }
            }
        }
        for (dir, name) in [
            ("文档", "文档"),
            ("Documents", "文档"),
            ("桌面", "桌面"),
            ("Desktop", "桌面"),
        ] {
            out.push(folder(home.join(dir), name));
        }
    }
    out.push(folder(home, "个人文件夹"));
    out
}

fn home() -> Option<PathBuf> {
    let var = if cfg!(windows) { "USERPROFILE" } else { "HOME" };
    std::env::var_os(var)
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
}

/// The entries of `user-dirs.dirs` (`XDG_DOCUMENTS_DIR="$HOME/文档"`), `$HOME` expanded.
fn xdg_user_dirs(home: &Path) -> Vec<(String, PathBuf)> {
    let config = std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .unwrap_or_else(|| home.join(".config"));
    let Ok(text) = std::fs::read_to_string(config.join("user-dirs.dirs")) else {
        return Vec::new();
    };
    parse_user_dirs(&text, home)
}

fn parse_user_dirs(text: &str, home: &Path) -> Vec<(String, PathBuf)> {
    text.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .filter_map(|l| l.split_once('='))
        .filter_map(|(k, v)| {
            let v = v.trim().strip_prefix('"')?.strip_suffix('"')?;
            let path = match v.strip_prefix("$HOME") {
                Some(rest) => home.join(rest.trim_start_matches('/')),
                None if v.starts_with('/') => PathBuf::from(v),
                None => return None,
            };
            Some((k.trim().to_string(), path))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_dirs_are_read_as_the_desktop_writes_them() {
        let home = Path::new("/home/clerk");
        let text = "# written by xdg-user-dirs-update\nXDG_DESKTOP_DIR=\"$HOME/桌面\"\nXDG_DOCUMENTS_DIR=\"$HOME/文档\"\nXDG_MUSIC_DIR=\"/srv/音乐\"\nXDG_PUBLICSHARE_DIR=\"$HOME/\"\nbroken line\n";
        let dirs = parse_user_dirs(text, home);
        assert_eq!(
            dirs,
            vec![
                (
                    "XDG_DESKTOP_DIR".to_string(),
                    PathBuf::from("/home/clerk/桌面")
                ),
                (
                    "XDG_DOCUMENTS_DIR".to_string(),
                    PathBuf::from("/home/clerk/文档")
                ),
                ("XDG_MUSIC_DIR".to_string(), PathBuf::from("/srv/音乐")),
                (
                    "XDG_PUBLICSHARE_DIR".to_string(),
                    PathBuf::from("/home/clerk")
                ),
            ]
        );
    }
}
