//! On Windows, for Windows: embeds the icon and the version information (a Chinese
//! FileDescription) in zhengban.exe, from packaging/windows/zhengban.rc.in.
//!
//! Everywhere else this does nothing. embed-resource is a build-dependency only on a Windows
//! host (Cargo matches a target-specific build-dependency against the platform the build
//! script runs on), and the code that uses it is compiled only there: a build on Linux, for
//! Linux or cross-compiled for Windows, compiles no extra crate and embeds nothing.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    #[cfg(windows)]
    windows::embed_resources();
}

#[cfg(windows)]
mod windows {
    use std::env;
    use std::path::PathBuf;

    pub fn embed_resources() {
        if env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
            return;
        }
        let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap());
        let template = root.join("packaging/windows/zhengban.rc.in");
        let icon = root.join("packaging/icons/zhengban.ico");
        println!("cargo:rerun-if-changed={}", template.display());
        println!("cargo:rerun-if-changed={}", icon.display());

        let var = |name: &str| env::var(name).unwrap();
        // A string in a resource script escapes its backslashes.
        let icon = icon.display().to_string().replace('\\', "\\\\");
        let rc = std::fs::read_to_string(&template)
            .unwrap()
            .replace("@ICON@", &icon)
            .replace("@MAJOR@", &var("CARGO_PKG_VERSION_MAJOR"))
            .replace("@MINOR@", &var("CARGO_PKG_VERSION_MINOR"))
            .replace("@PATCH@", &var("CARGO_PKG_VERSION_PATCH"))
            .replace("@VERSION@", &var("CARGO_PKG_VERSION"));
        let out = PathBuf::from(var("OUT_DIR")).join("zhengban.rc");
        std::fs::write(&out, rc).unwrap();
        embed_resource::compile(&out, embed_resource::NONE)
            .manifest_optional()
            .unwrap();
    }
}
