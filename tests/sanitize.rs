//! Behaviour of the sanitiser and its helpers: character references, URL resolution, the
//! element policy and the `fragment` sanitiser built on it.

mod entities {
    use quietpage::entities::{decode, decode_attr};
    use std::borrow::Cow;

    #[test]
    fn text_without_references_is_borrowed() {
        assert!(matches!(decode("plain text"), Cow::Borrowed(_)));
        assert!(matches!(decode_attr("http://x/?a=1"), Cow::Borrowed(_)));
    }

    #[test]
    fn named_references() {
        assert_eq!(decode("Tom &amp; Jerry"), "Tom & Jerry");
        assert_eq!(
            decode("&lt;b&gt; &quot;q&quot; &apos;a&apos;"),
            "<b> \"q\" 'a'"
        );
        assert_eq!(decode("caf&eacute; &hellip; &mdash; &euro;"), "café … — €");
        assert_eq!(decode("a&nbsp;b"), "a\u{a0}b");
        assert_eq!(decode("&AMP;&LT;&GT;&QUOT;"), "&<>\"");
        assert_eq!(decode("&lang;x&rang;"), "\u{27e8}x\u{27e9}");
    }

    #[test]
    fn punctuation_names_used_to_hide_schemes() {
        assert_eq!(
            decode("javascript&colon;alert&lpar;1&rpar;"),
            "javascript:alert(1)"
        );
        assert_eq!(decode("java&Tab;script&NewLine;"), "java\tscript\n");
        assert_eq!(decode("&sol;&bsol;&period;&comma;&semi;&excl;"), "/\\.,;!");
    }

    #[test]
    fn numeric_references() {
        assert_eq!(decode("&#65;&#x42;&#X43;&#0067;"), "ABCC");
        assert_eq!(decode("&#x1F600;"), "😀");
        assert_eq!(decode("&#106&#97;"), "ja", "the semicolon is optional");
        assert_eq!(decode("&#x6A&#x61"), "ja");
    }

    #[test]
    fn numeric_references_that_the_spec_replaces() {
        assert_eq!(decode("&#0;"), "\u{FFFD}");
        assert_eq!(decode("&#xD800;"), "\u{FFFD}");
        assert_eq!(decode("&#x110000;"), "\u{FFFD}");
        assert_eq!(decode("&#99999999999999999999;"), "\u{FFFD}");
        assert_eq!(decode("&#128;&#x93;&#x94;&#150;&#x99;"), "€“”–™");
        assert_eq!(decode("&#x81;"), "\u{81}", "a hole in windows-1252 stays");
        assert_eq!(decode("&#9;"), "\t");
    }

    #[test]
    fn not_references() {
        assert_eq!(decode("AT&T"), "AT&T");
        assert_eq!(decode("a & b"), "a & b");
        assert_eq!(decode("&#;&#x;&#xg;"), "&#;&#x;&#xg;");
        assert_eq!(decode("&unknownname;"), "&unknownname;");
        assert_eq!(decode("&"), "&");
        assert_eq!(decode("trailing &amp"), "trailing &");
    }

    #[test]
    fn legacy_names_without_semicolon() {
        assert_eq!(
            decode("&amp &lt &gt &quot &nbsp &copy 2024"),
            "& < > \" \u{a0} © 2024"
        );
        assert_eq!(
            decode("&copy2024"),
            "©2024",
            "in text a legacy prefix decodes"
        );
        assert_eq!(decode("&notit;"), "¬it;");
        assert_eq!(decode("&notin;"), "∉");
        assert_eq!(
            decode("&hellip"),
            "&hellip",
            "only the legacy list works without `;`"
        );
    }

    #[test]
    fn attribute_rule_for_legacy_names() {
        assert_eq!(decode_attr("?a=1&copy=2"), "?a=1&copy=2");
        assert_eq!(decode_attr("?x&ampy"), "?x&ampy");
        assert_eq!(decode_attr("?x&amp;y"), "?x&y");
        assert_eq!(decode_attr("a &copy b"), "a © b");
        assert_eq!(decode_attr("&lt"), "<");
        assert_eq!(
            decode_attr("&#106avascript"),
            "javascript",
            "numeric refs are not affected"
        );
    }

    #[test]
    fn odd_input_does_not_panic() {
        for s in [
            "&",
            "&#",
            "&#x",
            "&;",
            "&&&&",
            "&#x&#",
            "&é;",
            "é&amp;é",
            "&a\u{0}",
        ] {
            let _ = decode(s);
            let _ = decode_attr(s);
        }
        let long = format!("&{};", "a".repeat(100_000));
        assert_eq!(decode(&long), long);
    }
}

mod urls {
    use quietpage::url::{resolve, resolve_image, Url};

    const BASE: &str = "http://fakehost/test/page.html";

    fn join(href: &str) -> Option<String> {
        Url::parse(BASE)
            .unwrap()
            .join(href)
            .map(|u| u.as_str().to_string())
    }

    #[test]
    fn parse_normalises() {
        let u = Url::parse("  HTTP://Example.COM:80/a/./b/../c?q=1#F ").unwrap();
        assert_eq!(u.as_str(), "http://example.com/a/c?q=1#F");
        assert_eq!(u.scheme(), "http");
        assert_eq!(u.host(), "example.com");
        assert_eq!(u.path(), "/a/c");
        assert_eq!(u.fragment(), Some("F"));
        assert_eq!(
            Url::parse("https://x.org").unwrap().as_str(),
            "https://x.org/"
        );
        assert_eq!(
            Url::parse("https://x.org:443/").unwrap().as_str(),
            "https://x.org/"
        );
        assert_eq!(
            Url::parse("https://x.org:8443/").unwrap().as_str(),
            "https://x.org:8443/"
        );
        assert_eq!(
            Url::parse("http:\\\\x.org\\a\\b").unwrap().as_str(),
            "http://x.org/a/b"
        );
        assert_eq!(
            Url::parse("http://x.org/a b\"<>").unwrap().as_str(),
            "http://x.org/a%20b%22%3C%3E"
        );
        assert_eq!(
            Url::parse("http://x.org/é?é#é").unwrap().as_str(),
            "http://x.org/%C3%A9?%C3%A9#%C3%A9"
        );
        assert_eq!(
            Url::parse("http://u:p@x.org/").unwrap().as_str(),
            "http://u:p@x.org/"
        );
        assert_eq!(Url::parse("http://[::1]:8080/").unwrap().host(), "[::1]");
        assert_eq!(
            Url::parse("http://x.org/%2e%2E/a/.%2e/b").unwrap().as_str(),
            "http://x.org/b"
        );
        assert_eq!(
            Url::parse("mailto:Someone@Example.com").unwrap().as_str(),
            "mailto:Someone@Example.com"
        );
        assert_eq!(Url::parse("mailto:a@b").unwrap().host(), "");
    }

    #[test]
    fn parse_rejects() {
        for bad in [
            "",
            "foo.html",
            "/foo",
            "//host/x",
            "http://",
            "http://exa mple.com/",
            "http://a<b/",
            "http://x.org:99999/",
            "http://x.org:8a/",
            "1http://x",
            "http://[zz]/",
        ] {
            assert_eq!(Url::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn readability_base_url_cases() {
        assert_eq!(join("foo.html").unwrap(), "http://fakehost/test/foo.html");
        assert_eq!(join("/foo").unwrap(), "http://fakehost/foo");
        assert_eq!(join("//other/x").unwrap(), "http://other/x");
        assert_eq!(
            join("./foo/bar.html").unwrap(),
            "http://fakehost/test/foo/bar.html"
        );
        assert_eq!(join("../foo.html").unwrap(), "http://fakehost/foo.html");
        assert_eq!(
            join("../../../foo.html").unwrap(),
            "http://fakehost/foo.html"
        );
        assert_eq!(join("?q=1").unwrap(), "http://fakehost/test/page.html?q=1");
        assert_eq!(join("#f").unwrap(), "http://fakehost/test/page.html#f");
        assert_eq!(join("").unwrap(), "http://fakehost/test/page.html");
        assert_eq!(join(".").unwrap(), "http://fakehost/test/");
        assert_eq!(join("..").unwrap(), "http://fakehost/");
        assert_eq!(
            join("https://Other.example/P").unwrap(),
            "https://other.example/P"
        );
    }

    #[test]
    fn join_like_browsers() {
        assert_eq!(
            join("http:foo").unwrap(),
            "http://fakehost/test/foo",
            "same special scheme"
        );
        assert_eq!(join("https:foo").unwrap(), "https://foo/");
        assert_eq!(join("\\\\evil\\x").unwrap(), "http://evil/x");
        assert_eq!(join("\\x").unwrap(), "http://fakehost/x");
        assert_eq!(join(" \u{1} /a\tb\nc ").unwrap(), "http://fakehost/abc");
        assert_eq!(join("a b.html").unwrap(), "http://fakehost/test/a%20b.html");
        assert_eq!(
            join("x?a\\b#c\\d").unwrap(),
            "http://fakehost/test/x?a\\b#c\\d"
        );
        assert_eq!(join("mailto:x@y.z").unwrap(), "mailto:x@y.z");
        let base = Url::parse("http://h/dir/").unwrap();
        assert_eq!(base.join("a").unwrap().as_str(), "http://h/dir/a");
        let q = Url::parse("http://h/p?x#y").unwrap();
        assert_eq!(q.join("?z").unwrap().as_str(), "http://h/p?z");
        assert_eq!(q.join("#w").unwrap().as_str(), "http://h/p?x#w");
        let opaque = Url::parse("mailto:a@b").unwrap();
        assert_eq!(opaque.join("x"), None);
        assert_eq!(opaque.join("#x").unwrap().as_str(), "mailto:a@b#x");
    }

    #[test]
    fn resolve_allows_only_followable_schemes() {
        let base = Url::parse(BASE).unwrap();
        let r = |h: &str| resolve(Some(&base), h);
        assert_eq!(
            r("foo.html").as_deref(),
            Some("http://fakehost/test/foo.html")
        );
        assert_eq!(r("HTTPS://x.org").as_deref(), Some("https://x.org/"));
        assert_eq!(r("mailto:me@x.org").as_deref(), Some("mailto:me@x.org"));
        assert_eq!(r("#sec-2").as_deref(), Some("#sec-2"));
        assert_eq!(r("#a b").as_deref(), Some("#a%20b"));
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " \u{1}\u{8}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "java\r\nscript:alert(1)",
            "\u{0}javascript:alert(1)",
            "vbscript:msgbox(1)",
            "data:text/html,<script>alert(1)</script>",
            "data:image/png;base64,AAAA",
            "file:///etc/passwd",
            "ftp://x.org/",
            "blob:http://x/abc",
            "about:blank",
            "chrome://settings",
            "view-source:http://x/",
        ] {
            assert_eq!(r(bad), None, "{bad:?}");
            assert_eq!(resolve(None, bad), None, "{bad:?} without a base");
        }
        // Not a scheme: the browser reads this as a relative path too.
        assert_eq!(
            r("\u{2028}javascript:alert(1)").as_deref(),
            Some("http://fakehost/test/%E2%80%A8javascript:alert(1)")
        );
    }

    #[test]
    fn resolve_without_base_keeps_safe_relative_references() {
        assert_eq!(
            resolve(None, "foo/bar.html").as_deref(),
            Some("foo/bar.html")
        );
        assert_eq!(resolve(None, "/a b?x y").as_deref(), Some("/a%20b?x%20y"));
        assert_eq!(
            resolve(None, "//cdn.example/x").as_deref(),
            Some("https://cdn.example/x")
        );
        assert_eq!(
            resolve(None, "\u{2028}javascript:alert(1)").as_deref(),
            Some("./%E2%80%A8javascript:alert(1)")
        );
        assert_eq!(
            resolve(None, "http://x.org/").as_deref(),
            Some("http://x.org/")
        );
    }

    #[test]
    fn resolve_image_allows_raster_data_only() {
        let base = Url::parse(BASE).unwrap();
        let r = |s: &str| resolve_image(Some(&base), s);
        assert_eq!(
            r("img/a.png").as_deref(),
            Some("http://fakehost/test/img/a.png")
        );
        assert_eq!(
            r("data:image/png;base64,iVBORw0KGgo=").as_deref(),
            Some("data:image/png;base64,iVBORw0KGgo=")
        );
        assert_eq!(
            r(" DATA:Image/JPEG,ab\n12").as_deref(),
            Some("data:Image/JPEG,ab12")
        );
        assert!(r("data:image/webp;base64,UklGR").is_some());
        assert!(r("data:image/avif;base64,AAAA").is_some());
        assert!(r("data:image/gif;base64,R0lGOD").is_some());
        for bad in [
            "data:image/svg+xml,<svg onload=alert(1)>",
            "data:image/svg+xml;base64,PHN2Zz4=",
            "data:text/html;base64,PHNjcmlwdD4=",
            "data:,123",
            "data:image/png",
            "javascript:alert(1)",
            "mailto:a@b",
            "#x",
            "",
        ] {
            assert_eq!(r(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn odd_input_does_not_panic() {
        let base = Url::parse(BASE).unwrap();
        for s in [
            "%",
            "%%",
            "http://%zz/",
            "http://%ff/",
            "http://[",
            "http://]",
            ":",
            "a:",
            "#",
            "?",
            "//",
            "\\\\",
            "http://h:/",
            "http://@/",
            "http://a@b@c/",
        ] {
            let _ = Url::parse(s);
            let _ = base.join(s);
            let _ = resolve(Some(&base), s);
            let _ = resolve(None, s);
            let _ = resolve_image(None, s);
        }
    }
}
