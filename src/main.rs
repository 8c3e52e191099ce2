//! The `quietpage` command line: a thin shell over the library.
//!
//! Arguments are parsed by hand: two commands with a handful of flags fit in a page of code,
//! and a parser crate would add a dependency to every build of the crate for nothing the CLI
//! needs beyond `--flag value`, `--flag=value`, `--` and `-` for stdin.

use std::ffi::OsString;
use std::fmt::Display;
use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use quietpage::eval::{self, EvalConfig};
use quietpage::export;
use quietpage::{Article, Error, Options};

const USAGE: &str = "\
usage: quietpage extract [--url URL] [--format json|html|text|markdown] [FILE|-]...
       quietpage eval DIR [--json] [--limit N] [--filter SUBSTR] [--jobs N]
       quietpage --help | --version";

const HELP: &str = "\
quietpage: reads a web page and prints its article.

  quietpage extract [--url URL] [--format FORMAT] [FILE|-]...
      Extracts the article from each FILE (`-` or no FILE: standard input).
      --url URL        the page's address, to make links and images absolute
      --format FORMAT  json (default): every field of the article
                       html: a standalone, readable HTML document
                       text: the plain text
                       markdown: the article as Markdown
      With several inputs (json only) prints JSON Lines, one object per input with
      \"input\"; a failed input gets {\"input\", \"error\"} and the exit status is 1.

  quietpage eval DIR [--json] [--limit N] [--filter SUBSTR] [--jobs N]
      Scores the extractor on a corpus in either layout of ../shared/corpus
      (readability: folders with source.html, expected.html, expected-metadata.json;
      boilerplate: annotations.json and pages/). Prints one line per page, worst last,
      then the aggregate and timings.
      --json           a machine-readable report instead, with each page's details
                       (its title and byline beside the expected ones; the passages
                       it missed or leaked)
      --limit N        only the first N pages (after --filter)
      --filter SUBSTR  only pages whose name contains SUBSTR
      --jobs N         worker threads (default 2)

Exit status: 0 success, 1 an input or the corpus failed, 2 bad usage.";

fn main() -> ExitCode {
    match parse(std::env::args_os().skip(1).collect()) {
        Ok(Command::Help) => emit(&format!("{HELP}\n")),
        Ok(Command::Version) => emit(&format!("quietpage {}\n", env!("CARGO_PKG_VERSION"))),
        Ok(Command::Extract(args)) => run_extract(args),
        Ok(Command::Eval(args)) => run_eval(args),
        Err(Usage(msg)) => {
            eprintln!("quietpage: {msg}\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Arguments

/// Bad usage, with the message to show.
#[derive(Debug)]
struct Usage(String);

fn usage(msg: impl Display) -> Usage {
    Usage(msg.to_string())
}

enum Command {
    Help,
    Version,
    Extract(ExtractArgs),
    Eval(EvalArgs),
}

struct ExtractArgs {
    url: Option<String>,
    format: Format,
    inputs: Vec<Input>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Json,
    Html,
    Text,
    Markdown,
}

enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    /// How the input is named in messages and in the JSON Lines' `"input"`.
    fn name(&self) -> String {
        match self {
            Input::Stdin => "-".to_owned(),
            Input::File(path) => path.to_string_lossy().into_owned(),
        }
    }
}

struct EvalArgs {
    dir: PathBuf,
    json: bool,
    config: EvalConfig,
}

/// One command-line item: a flag (with its `=value` if written that way) or a positional.
enum Arg {
    Flag(String, Option<OsString>),
    Positional(OsString),
}

struct Args {
    items: std::vec::IntoIter<OsString>,
    /// After `--`, everything is positional.
    positional_only: bool,
}

impl Args {
    fn next(&mut self) -> Option<Arg> {
        let item = self.items.next()?;
        if self.positional_only {
            return Some(Arg::Positional(item));
        }
        let Some(s) = item.to_str() else {
            return Some(Arg::Positional(item));
        };
        if s == "--" {
            self.positional_only = true;
            return self.next();
        }
        if s.starts_with('-') && s != "-" {
            return Some(match s.split_once('=') {
                Some((flag, value)) if flag.starts_with("--") => {
                    Arg::Flag(flag.to_owned(), Some(value.into()))
                }
                _ => Arg::Flag(s.to_owned(), None),
            });
        }
        Some(Arg::Positional(item))
    }

    /// The flag's value: after `=`, else the next item whatever it looks like.
    fn value(&mut self, flag: &str, inline: Option<OsString>) -> Result<String, Usage> {
        let value = inline
            .or_else(|| self.items.next())
            .ok_or_else(|| usage(format!("{flag} needs a value")))?;
        value
            .into_string()
            .map_err(|_| usage(format!("the value of {flag} is not valid UTF-8")))
    }
}

fn no_value(flag: &str, inline: Option<OsString>) -> Result<(), Usage> {
    match inline {
        Some(_) => Err(usage(format!("{flag} takes no value"))),
        None => Ok(()),
    }
}

fn parse(argv: Vec<OsString>) -> Result<Command, Usage> {
    let mut args = Args {
        items: argv.into_iter(),
        positional_only: false,
    };
    match args.next() {
        None => Err(usage("no command given")),
        Some(Arg::Flag(flag, inline)) => match flag.as_str() {
            "--help" | "-h" => no_value(&flag, inline).map(|()| Command::Help),
            "--version" | "-V" => no_value(&flag, inline).map(|()| Command::Version),
            _ => Err(usage(format!("unknown option {flag}"))),
        },
        Some(Arg::Positional(cmd)) => match cmd.to_str() {
            Some("extract") => parse_extract(args).map(Command::Extract),
            Some("eval") => parse_eval(args).map(Command::Eval),
            Some("help") => Ok(Command::Help),
            _ => Err(usage(format!("unknown command {}", cmd.to_string_lossy()))),
        },
    }
}

fn parse_extract(mut args: Args) -> Result<ExtractArgs, Usage> {
    let mut url = None;
    let mut format = Format::Json;
    let mut inputs = Vec::new();
    while let Some(arg) = args.next() {
        match arg {
            Arg::Flag(flag, inline) => match flag.as_str() {
                "--url" => url = Some(args.value(&flag, inline)?),
                "--format" => {
                    format = match args.value(&flag, inline)?.as_str() {
                        "json" => Format::Json,
                        "html" => Format::Html,
                        "text" => Format::Text,
                        "markdown" | "md" => Format::Markdown,
                        other => {
                            return Err(usage(format!(
                                "unknown format {other:?} (json, html, text or markdown)"
                            )))
                        }
                    }
                }
                _ => return Err(usage(format!("extract: unknown option {flag}"))),
            },
            Arg::Positional(p) if p == "-" => inputs.push(Input::Stdin),
            Arg::Positional(p) => inputs.push(Input::File(p.into())),
        }
    }
    if inputs.is_empty() {
        inputs.push(Input::Stdin);
    }
    if inputs.len() > 1 && format != Format::Json {
        return Err(usage(
            "several inputs need --format json (one JSON line per input)",
        ));
    }
    if inputs.iter().filter(|i| matches!(i, Input::Stdin)).count() > 1 {
        return Err(usage("standard input (-) can be read only once"));
    }
    Ok(ExtractArgs {
        url,
        format,
        inputs,
    })
}

fn parse_eval(mut args: Args) -> Result<EvalArgs, Usage> {
    let mut dir: Option<PathBuf> = None;
    let mut json = false;
    let mut config = EvalConfig::default();
    let count = |flag: &str, value: String| {
        value
            .parse::<usize>()
            .map_err(|_| usage(format!("{flag} needs a whole number, not {value:?}")))
    };
    while let Some(arg) = args.next() {
        match arg {
            Arg::Flag(flag, inline) => match flag.as_str() {
                "--json" => {
                    no_value(&flag, inline)?;
                    json = true;
                }
                "--limit" => config.limit = Some(count(&flag, args.value(&flag, inline)?)?),
                "--filter" => config.filter = Some(args.value(&flag, inline)?),
                "--jobs" => match count(&flag, args.value(&flag, inline)?)? {
                    0 => return Err(usage("--jobs needs at least 1")),
                    n => config.jobs = n,
                },
                _ => return Err(usage(format!("eval: unknown option {flag}"))),
            },
            Arg::Positional(p) if dir.is_none() => dir = Some(p.into()),
            Arg::Positional(p) => {
                return Err(usage(format!(
                    "eval takes one DIR (also got {})",
                    p.to_string_lossy()
                )))
            }
        }
    }
    let dir = dir.ok_or_else(|| usage("eval needs a corpus DIR"))?;
    Ok(EvalArgs { dir, json, config })
}

// ---------------------------------------------------------------------------------------------
// Commands

fn run_extract(args: ExtractArgs) -> ExitCode {
    let options = Options::default();
    let url = args.url.as_deref();
    let stdout = io::stdout();
    let mut out = stdout.lock();

    if let [input] = args.inputs.as_slice() {
        return match extract_input(input, url, &options) {
            Ok(article) => {
                let mut doc = render(&article, args.format);
                if !doc.ends_with('\n') {
                    doc.push('\n');
                }
                finish(
                    out.write_all(doc.as_bytes()).and_then(|()| out.flush()),
                    true,
                )
            }
            Err(msg) => {
                eprintln!("quietpage: {}: {msg}", input.name());
                ExitCode::FAILURE
            }
        };
    }

    // Several inputs: JSON Lines, written as each input finishes so a long run shows progress.
    #[derive(serde::Serialize)]
    struct Line<'a> {
        input: &'a str,
        #[serde(flatten)]
        article: &'a Article,
    }
    #[derive(serde::Serialize)]
    struct Failure<'a> {
        input: &'a str,
        error: &'a str,
    }
    let mut all_ok = true;
    for input in &args.inputs {
        let name = input.name();
        let line = match extract_input(input, url, &options) {
            Ok(article) => serde_json::to_string(&Line {
                input: &name,
                article: &article,
            }),
            Err(error) => {
                all_ok = false;
                serde_json::to_string(&Failure {
                    input: &name,
                    error: &error,
                })
            }
        };
        // Serialising plain strings and numbers cannot fail; if it somehow did, say so in
        // the line's own place rather than dropping the input.
        let line = line.unwrap_or_else(|e| {
            all_ok = false;
            serde_json::json!({ "input": name, "error": e.to_string() }).to_string()
        });
        if let Err(e) = writeln!(out, "{line}") {
            return finish(Err(e), false);
        }
    }
    finish(out.flush(), all_ok)
}

/// Reads one input and extracts its article; the error is the message to show for it.
fn extract_input(input: &Input, url: Option<&str>, options: &Options) -> Result<Article, String> {
    let limit = options.max_input_bytes;
    let read = match input {
        Input::Stdin => read_limited(io::stdin().lock(), limit),
        Input::File(path) => std::fs::File::open(path).and_then(|f| read_limited(f, limit)),
    };
    let bytes = match read {
        Ok(Ok(bytes)) => bytes,
        Ok(Err(Oversize(size))) => return Err(Error::TooLarge { size, limit }.to_string()),
        Err(e) => return Err(format!("cannot read the input: {e}")),
    };
    quietpage::extract_bytes(&bytes, url, options).map_err(|e| e.to_string())
}

/// An input over the size limit, with its full size.
struct Oversize(usize);

/// Reads at most `limit` bytes; beyond that, only counts the rest, so an endless or huge input
/// is refused with its real size instead of filling memory.
fn read_limited(mut reader: impl Read, limit: usize) -> io::Result<Result<Vec<u8>, Oversize>> {
    let mut bytes = Vec::new();
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    (&mut reader).take(cap).read_to_end(&mut bytes)?;
    if bytes.len() <= limit {
        return Ok(Ok(bytes));
    }
    let rest = io::copy(&mut reader, &mut io::sink())?;
    let size = bytes
        .len()
        .saturating_add(usize::try_from(rest).unwrap_or(usize::MAX));
    Ok(Err(Oversize(size)))
}

fn render(article: &Article, format: Format) -> String {
    match format {
        // An `Article` is strings and numbers only; serialising it cannot fail.
        Format::Json => serde_json::to_string_pretty(article).unwrap_or_default(),
        Format::Html => export::to_html_document(article),
        Format::Text => export::to_text(article),
        Format::Markdown => export::to_markdown(article),
    }
}

fn run_eval(args: EvalArgs) -> ExitCode {
    let report = match eval::eval_dir(&args.dir, &args.config) {
        Ok(report) => report,
        Err(e) => {
            eprintln!("quietpage: eval: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut text = if args.json {
        serde_json::to_string_pretty(&report).unwrap_or_default()
    } else {
        report.render()
    };
    if !text.ends_with('\n') {
        text.push('\n');
    }
    emit(&text)
}

fn emit(text: &str) -> ExitCode {
    let mut out = io::stdout().lock();
    finish(
        out.write_all(text.as_bytes()).and_then(|()| out.flush()),
        true,
    )
}

/// The exit code after writing output. A closed pipe (`| head`) is the reader's choice, not an
/// error worth a message.
fn finish(written: io::Result<()>, ok: bool) -> ExitCode {
    match written {
        Ok(()) if ok => ExitCode::SUCCESS,
        Ok(()) => ExitCode::FAILURE,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("quietpage: cannot write output: {e}");
            ExitCode::FAILURE
        }
    }
}
