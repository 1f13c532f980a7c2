//! A desktop of the test's own for a screen reader: Xvfb, a private D-Bus session bus with
//! the AT-SPI bus launcher on it and accessibility turned on, the real window started there,
//! xdotool for the keyboard, and `atspi_dump.py` (python3-pyatspi) reading the window's
//! accessibility tree as a screen reader does. A test that cannot start one says why and
//! skips; with `CI=true` that is a failure instead (`desktop::skipped`).
#![allow(dead_code)] // shared by several test binaries, each using a part
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The Python with python3-pyatspi: Debian's, whatever else is first on the PATH.
const PYTHON: &str = "/usr/bin/python3";
const BUS_LAUNCHER: &str = "/usr/libexec/at-spi-bus-launcher";
/// The application's name on the accessibility bus (winit's, from the binary).
const APP_NAME: &str = "rickrut-dashboard";
/// Between keys that move focus: xdotool keys sent faster are lost under Xvfb.
const KEY_PAUSE: Duration = Duration::from_millis(350);

/// One node of the accessibility tree, as AT-SPI gives it (`atspi_dump.py`'s JSON).
#[derive(Debug, Clone, serde::Deserialize)]
pub struct Node {
    pub role: String,
    pub name: String,
    pub description: String,
    pub states: Vec<String>,
    pub text: Option<String>,
    pub depth: u64,
}

impl Node {
    pub fn has(&self, state: &str) -> bool {
        self.states.iter().any(|s| s == state)
    }
}

/// The window's tree, in reading order (depth first).
#[derive(Debug, Clone)]
pub struct Tree(pub Vec<Node>);

impl Tree {
    pub fn find(&self, role: &str, name: &str) -> Option<&Node> {
        self.0.iter().find(|n| n.role == role && n.name == name)
    }

    pub fn focused(&self) -> Vec<&Node> {
        // The frame holds focus when no widget does; a widget's focus is what counts.
        self.0
            .iter()
            .filter(|n| n.has("focused") && n.role != "frame")
            .collect()
    }

    /// Any node whose name or text contains `words`.
    pub fn says(&self, words: &str) -> bool {
        self.0
            .iter()
            .any(|n| n.name.contains(words) || n.text.as_deref().is_some_and(|t| t.contains(words)))
    }

    /// One line per node, indented, for failure messages.
    pub fn outline(&self) -> String {
        self.0
            .iter()
            .map(|n| {
                format!(
                    "{}{} {:?} [{}]",
                    "  ".repeat(n.depth as usize),
                    n.role,
                    n.name,
                    n.states.join(",")
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

pub struct Desktop {
    pub dir: tempfile::TempDir,
    pub display: String,
    pub address: String,
    xvfb: Child,
    bus: Child,
    launcher: Option<Child>,
    app: Option<Child>,
}

fn missing(program: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .stdout(Stdio::null())
        .status()
        .map(|s| !s.success())
        .unwrap_or(true)
}

/// `child`, stopped the polite way (so the bus launcher takes its own bus down with it).
fn stop(child: &mut Child) {
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(3) {
        if let Ok(Some(_)) = child.try_wait() {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// The first line `child` prints on stdout.
fn first_line(child: &mut Child) -> String {
    let mut line = String::new();
    let _ = BufReader::new(child.stdout.take().unwrap()).read_line(&mut line);
    line.trim().to_owned()
}

impl Desktop {
    /// Xvfb, a session bus and accessibility on it. `Err` says what is missing.
    pub fn start() -> Result<Desktop, String> {
        for program in ["Xvfb", "dbus-daemon", "dbus-send", "xdotool"] {
            if missing(program) {
                return Err(format!("{program} is not installed"));
            }
        }
        if !Path::new(BUS_LAUNCHER).exists() {
            return Err(format!("{BUS_LAUNCHER} is missing (package at-spi2-core)"));
        }
        let pyatspi = Command::new(PYTHON)
            .args(["-c", "import pyatspi"])
            .stderr(Stdio::null())
            .status();
        if !pyatspi.is_ok_and(|s| s.success()) {
            return Err(format!("{PYTHON} cannot import pyatspi (python3-pyatspi)"));
        }
        let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
        for sub in ["runtime", "home", "config", "data", "state", "cache"] {
            std::fs::create_dir_all(dir.path().join(sub)).unwrap();
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let runtime = dir.path().join("runtime");
            std::fs::set_permissions(runtime, std::fs::Permissions::from_mode(0o700)).unwrap();
        }

        // Xvfb picks a free display and writes its number on the descriptor given.
        let mut xvfb = Command::new("Xvfb")
            .args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                "1280x800x24",
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("Xvfb cannot start: {e}"))?;
        let number = first_line(&mut xvfb);
        if number.is_empty() {
            stop(&mut xvfb);
            return Err("Xvfb printed no display number".into());
        }
        let display = format!(":{number}");

        let mut bus = match Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--print-address=1"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
        {
            Ok(bus) => bus,
            Err(e) => {
                stop(&mut xvfb);
                return Err(format!("dbus-daemon cannot start: {e}"));
            }
        };
        let address = first_line(&mut bus);
        let mut desktop = Desktop {
            dir,
            display,
            address,
            xvfb,
            bus,
            launcher: None,
            app: None,
        };
        if desktop.address.is_empty() {
            return Err("dbus-daemon printed no address".into());
        }
        let launcher = desktop
            .command(BUS_LAUNCHER)
            .arg("--launch-immediately")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("{BUS_LAUNCHER} cannot start: {e}"))?;
        desktop.launcher = Some(launcher);
        desktop.enable_accessibility()?;
        Ok(desktop)
    }

    /// `program` with this desktop's display, bus and directories (never the user's own).
    pub fn command(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let dir = self.dir.path();
        let mut cmd = Command::new(program);
        cmd.env("DISPLAY", &self.display)
            .env("DBUS_SESSION_BUS_ADDRESS", &self.address)
            .env("XDG_RUNTIME_DIR", dir.join("runtime"))
            .env("HOME", dir.join("home"))
            .env("XDG_CONFIG_HOME", dir.join("config"))
            .env("XDG_DATA_HOME", dir.join("data"))
            .env("XDG_STATE_HOME", dir.join("state"))
            .env("XDG_CACHE_HOME", dir.join("cache"))
            .env_remove("WAYLAND_DISPLAY")
            .env_remove("AT_SPI_BUS_ADDRESS")
            .env_remove("RICKRUT_API_KEY");
        cmd
    }

    /// `org.a11y.Status.IsEnabled` (and ScreenReaderEnabled) true, as a screen reader sets
    /// them when it starts; until then the window puts nothing on the accessibility bus.
    fn enable_accessibility(&self) -> Result<(), String> {
        let start = Instant::now();
        for property in ["IsEnabled", "ScreenReaderEnabled"] {
            loop {
                // --print-reply waits for the answer: without it the property is set too late.
                let out = self
                    .command("dbus-send")
                    .args([
                        "--session",
                        "--print-reply",
                        "--dest=org.a11y.Bus",
                        "/org/a11y/bus",
                        "org.freedesktop.DBus.Properties.Set",
                        "string:org.a11y.Status",
                        &format!("string:{property}"),
                        "variant:boolean:true",
                    ])
                    .output()
                    .map_err(|e| format!("dbus-send cannot start: {e}"))?;
                if out.status.success() {
                    break;
                }
                if start.elapsed() > Duration::from_secs(10) {
                    return Err(format!(
                        "the AT-SPI bus never answered: {}",
                        String::from_utf8_lossy(&out.stderr).trim()
                    ));
                }
                std::thread::sleep(Duration::from_millis(100));
            }
        }
        Ok(())
    }

    /// The real window, `rickrut-dashboard ARGS`, in `locale`, focused and ready for keys.
    pub fn open_window(&mut self, args: &[&str], locale: &str) {
        let app = self
            .command(env!("CARGO_BIN_EXE_rickrut-dashboard"))
            .args(args)
            .env("LANG", locale)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANGUAGE")
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(self.log()).unwrap())
            .spawn()
            .unwrap();
        self.app = Some(app);
        let start = Instant::now();
        let window = loop {
            let out = self
                .command("xdotool")
                .args(["search", "--onlyvisible", "--name", "RickRut Dashboard"])
                .output()
                .unwrap();
            let found = String::from_utf8_lossy(&out.stdout);
            if let Some(id) = found.lines().next() {
                break id.trim().to_owned();
            }
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "no window after 30 s; the app said: {}",
                std::fs::read_to_string(self.log()).unwrap_or_default()
            );
            std::thread::sleep(Duration::from_millis(100));
        };
        // With no window manager: focus it, then one click on an empty corner of the view.
        // A window just mapped may refuse focus for a moment (BadMatch): ask again.
        let start = Instant::now();
        let mut focus = self.command("xdotool");
        focus.args(["windowfocus", &window]).stderr(Stdio::null());
        while !focus.status().unwrap().success() {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "the window took no focus"
            );
            std::thread::sleep(Duration::from_millis(200));
        }
        std::thread::sleep(KEY_PAUSE);
        let click = [
            "mousemove",
            "--window",
            &window,
            "1100",
            "700",
            "click",
            "1",
        ];
        self.xdotool(&click);
        std::thread::sleep(KEY_PAUSE);
    }

    /// What the window wrote on stderr.
    pub fn log(&self) -> PathBuf {
        self.dir.path().join("app.log")
    }

    fn xdotool(&self, args: &[&str]) {
        let status = self.command("xdotool").args(args).status().unwrap();
        assert!(status.success(), "xdotool {args:?} failed");
    }

    /// One key or chord in xdotool's words (`ctrl+3`, `Return`, `Tab`).
    pub fn key(&self, keys: &str) {
        self.xdotool(&["key", "--clearmodifiers", keys]);
        std::thread::sleep(KEY_PAUSE);
    }

    /// `text`, typed into whatever has the keyboard focus.
    pub fn type_text(&self, text: &str) {
        self.xdotool(&["type", "--delay", "40", text]);
        std::thread::sleep(KEY_PAUSE);
    }

    /// The window's accessibility tree, read over AT-SPI.
    pub fn tree(&self) -> Tree {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/atspi_dump.py");
        let out = self
            .command(PYTHON)
            .arg(script)
            .args([APP_NAME, "--wait", "20"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "atspi_dump.py failed: {}\nthe app said: {}",
            String::from_utf8_lossy(&out.stderr),
            std::fs::read_to_string(self.log()).unwrap_or_default()
        );
        #[derive(serde::Deserialize)]
        struct Dump {
            nodes: Vec<Node>,
        }
        let dump: Dump = serde_json::from_slice(&out.stdout).unwrap();
        Tree(dump.nodes)
    }

    /// The tree once `ready` holds, read again and again for up to `limit`; the last tree
    /// read is in the panic message when it never does.
    pub fn tree_when(&self, what: &str, limit: Duration, ready: impl Fn(&Tree) -> bool) -> Tree {
        let start = Instant::now();
        loop {
            let tree = self.tree();
            if ready(&tree) {
                return tree;
            }
            assert!(
                start.elapsed() < limit,
                "{what}: not after {limit:?}. The tree:\n{}\nThe app said:\n{}",
                tree.outline(),
                std::fs::read_to_string(self.log()).unwrap_or_default()
            );
            std::thread::sleep(Duration::from_millis(300));
        }
    }
}

impl Drop for Desktop {
    fn drop(&mut self) {
        if let Some(app) = &mut self.app {
            stop(app);
        }
        if let Some(launcher) = &mut self.launcher {
            stop(launcher);
        }
        stop(&mut self.bus);
        stop(&mut self.xvfb);
    }
}
