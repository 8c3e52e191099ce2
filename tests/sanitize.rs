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

mod policy {
    use quietpage::sanitize::{element, Action, Attr, Context};
    use quietpage::url::Url;

    fn attrs<'a>(list: &[(&'a str, &'a str)]) -> Vec<Attr<'a>> {
        list.iter().map(|&(k, v)| (k.into(), v.into())).collect()
    }

    fn judge(tag: &str, list: &[(&str, &str)]) -> Action {
        let base = Url::parse("http://fakehost/test/page.html").unwrap();
        let ctx = Context {
            base: Some(&base),
            keep_images: true,
        };
        element(tag, &attrs(list), &ctx)
    }

    fn kept(tag: &str, list: &[(&str, &str)]) -> (&'static str, Vec<(&'static str, String)>) {
        match judge(tag, list) {
            Action::Keep { tag, attrs } => (tag, attrs),
            other => panic!("{tag} was {other:?}"),
        }
    }

    fn attr<'a>(a: &'a [(&'static str, String)], name: &str) -> Option<&'a str> {
        a.iter().find(|(n, _)| *n == name).map(|(_, v)| v.as_str())
    }

    #[test]
    fn article_elements_are_kept() {
        for tag in [
            "p",
            "h2",
            "ul",
            "ol",
            "li",
            "dl",
            "dt",
            "dd",
            "blockquote",
            "q",
            "pre",
            "code",
            "em",
            "strong",
            "b",
            "i",
            "u",
            "s",
            "del",
            "ins",
            "mark",
            "small",
            "sub",
            "sup",
            "br",
            "hr",
            "figure",
            "figcaption",
            "table",
            "thead",
            "tbody",
            "tfoot",
            "tr",
            "th",
            "td",
            "caption",
            "colgroup",
            "col",
            "abbr",
            "cite",
            "dfn",
            "time",
            "details",
            "summary",
            "ruby",
            "rt",
            "rp",
            "wbr",
            "bdi",
            "bdo",
            "kbd",
            "samp",
            "var",
            "div",
            "picture",
            "math",
            "mi",
            "mfrac",
        ] {
            assert_eq!(kept(tag, &[]).0, tag);
        }
    }

    #[test]
    fn some_elements_are_renamed() {
        for (tag, out) in [
            ("section", "div"),
            ("article", "div"),
            ("main", "div"),
            ("center", "div"),
            ("menu", "ul"),
            ("strike", "s"),
            ("tt", "code"),
            ("xmp", "pre"),
            ("listing", "pre"),
            ("acronym", "abbr"),
        ] {
            assert_eq!(kept(tag, &[]).0, out, "{tag}");
        }
    }

    #[test]
    fn dangerous_and_ui_elements_are_dropped_with_content() {
        for tag in [
            "script",
            "style",
            "template",
            "iframe",
            "frame",
            "frameset",
            "object",
            "embed",
            "applet",
            "noscript",
            "noembed",
            "noframes",
            "base",
            "meta",
            "link",
            "title",
            "head",
            "svg",
            "input",
            "button",
            "select",
            "option",
            "textarea",
            "video",
            "audio",
            "canvas",
            "dialog",
            "mglyph",
            "malignmark",
            "annotation-xml",
            "param",
            "keygen",
            "isindex",
        ] {
            assert_eq!(judge(tag, &[]), Action::Drop, "{tag}");
        }
    }

    #[test]
    fn a_declarative_shadow_root_is_unwrapped_and_a_plain_template_dropped() {
        // What a browser renders: a web component's shadow root, written as a template.
        for mode in ["open", "closed", "OPEN", "Closed"] {
            let case = [("shadowrootmode", mode)];
            assert_eq!(judge("template", &case), Action::Unwrap, "{mode}");
        }
        // An inert template, which the browser never shows.
        for list in [
            &[][..],
            &[("shadowrootmode", "sideways")],
            &[("shadowrootmode", "")],
        ] {
            assert_eq!(judge("template", list), Action::Drop, "{list:?}");
        }
    }

    #[test]
    fn wrappers_and_unknown_elements_are_unwrapped() {
        for tag in [
            "font",
            "span",
            "form",
            "fieldset",
            "label",
            "legend",
            "big",
            "nobr",
            "my-widget",
            "x",
            "html",
            "body",
            "maction",
            "svg:svg",
            "html:style",
            "slot",
            "data",
        ] {
            assert_eq!(
                judge(tag, &[("onclick", "x"), ("style", "x")]),
                Action::Unwrap,
                "{tag}"
            );
        }
    }

    #[test]
    fn attributes_outside_the_allowlist_are_dropped() {
        let (_, a) = kept(
            "p",
            &[
                ("onclick", "alert(1)"),
                ("onmouseover", "x"),
                ("style", "color:red"),
                ("class", "lead"),
                ("data-x", "1"),
                ("srcdoc", "<script>"),
                ("formaction", "javascript:x"),
                ("xlink:href", "javascript:x"),
                ("lang", "en-GB"),
                ("dir", "RTL"),
                ("title", "T &amp; C"),
            ],
        );
        assert_eq!(
            a,
            vec![
                ("lang", "en-GB".to_string()),
                ("dir", "rtl".to_string()),
                ("title", "T & C".to_string())
            ]
        );
    }

    #[test]
    fn attribute_values_are_validated() {
        let (_, a) = kept(
            "p",
            &[
                ("lang", "en\" onclick=x"),
                ("dir", "sideways"),
                ("id", "a b"),
            ],
        );
        assert!(a.is_empty(), "{a:?}");
        let (_, a) = kept(
            "td",
            &[
                ("colspan", "3abc"),
                ("rowspan", "99999999"),
                ("headers", "h1  h2"),
            ],
        );
        assert_eq!(attr(&a, "colspan"), Some("3"));
        assert_eq!(attr(&a, "rowspan"), Some("65534"));
        assert_eq!(attr(&a, "headers"), Some("qp-h1 qp-h2"));
        let (_, a) = kept("ol", &[("type", "disc"), ("start", "x")]);
        assert!(a.is_empty(), "{a:?}");
        let (_, a) = kept("code", &[("class", "hljs")]);
        assert!(a.is_empty());
        let (_, a) = kept("pre", &[("class", "x lang-python")]);
        assert_eq!(attr(&a, "class"), Some("language-python"));
        let (_, a) = kept(
            "mi",
            &[
                ("mathvariant", "bold"),
                ("href", "javascript:x"),
                ("mathcolor", "red"),
            ],
        );
        assert_eq!(a, vec![("mathvariant", "bold".to_string())]);
        let (_, a) = kept("mo", &[("lspace", "url(x)")]);
        assert!(a.is_empty(), "parentheses are not MathML values");
    }

    #[test]
    fn first_of_duplicate_attributes_wins() {
        let (_, a) = kept("a", &[("href", "ok.html"), ("href", "javascript:x")]);
        assert_eq!(
            a,
            vec![("href", "http://fakehost/test/ok.html".to_string())]
        );
        assert_eq!(
            judge("a", &[("href", "javascript:x"), ("href", "ok.html")]),
            Action::Unwrap
        );
    }

    #[test]
    fn links() {
        let (_, a) = kept(
            "a",
            &[
                ("href", "../x.html"),
                ("target", "_blank"),
                ("rel", "opener"),
            ],
        );
        assert_eq!(a, vec![("href", "http://fakehost/x.html".to_string())]);
        assert_eq!(
            kept("a", &[("href", "#note-1")]).1,
            vec![("href", "#qp-note-1".to_string())]
        );
        assert_eq!(
            kept("a", &[("href", "#")]).1,
            vec![("href", "#".to_string())]
        );
        assert_eq!(
            kept("a", &[("href", "page.html#n")]).1,
            vec![("href", "#qp-n".to_string())],
            "a link to this page is an in-page link"
        );
        assert_eq!(
            kept("a", &[("name", "n1")]).1,
            vec![("id", "qp-n1".to_string())]
        );
        assert_eq!(
            kept("a", &[("href", "mailto:a@b.c")]).1[0].1,
            "mailto:a@b.c"
        );
    }

    #[test]
    fn unsafe_links_lose_href_and_keep_text() {
        for href in [
            "javascript:alert(1)",
            "&#x6A;avascript:alert(1)",
            "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)",
            "&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)",
            "java&#x09;script:alert(1)",
            "java&Tab;script&colon;alert(1)",
            "jav&#x0A;ascript:alert(1)",
            "jav&#x0D;ascript:alert(1)",
            " &#14; javascript:alert(1)",
            "\u{1}\u{2}javascript:alert(1)",
            "JAVASCRIPT:alert(1)",
            "vbscript:msgbox(1)",
            "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
            "data:image/png;base64,iVBORw0KGgo=",
            "  javascript:alert(1)",
        ] {
            assert_eq!(judge("a", &[("href", href)]), Action::Unwrap, "{href:?}");
        }
        // A control character inside the scheme ends it, for browsers too: a relative path.
        let (_, a) = kept("a", &[("href", "\u{1}java\u{3}script:alert(1)")]);
        assert_eq!(
            attr(&a, "href"),
            Some("http://fakehost/test/java%03script:alert(1)")
        );
    }

    #[test]
    fn images_and_lazy_loading() {
        let (_, a) = kept(
            "img",
            &[
                ("src", "a.jpg"),
                ("alt", "A"),
                ("onerror", "x"),
                ("width", "640"),
            ],
        );
        assert_eq!(
            a,
            vec![
                ("src", "http://fakehost/test/a.jpg".to_string()),
                ("alt", "A".to_string()),
                ("width", "640".to_string())
            ]
        );
        let gif = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7";
        for lazy in [
            "data-src",
            "data-lazy-src",
            "data-original",
            "data-hi-res-src",
            "data-url",
        ] {
            let (_, a) = kept("img", &[("src", gif), (lazy, "/big.jpg")]);
            assert_eq!(attr(&a, "src"), Some("http://fakehost/big.jpg"), "{lazy}");
        }
        let (_, a) = kept("img", &[("src", "blank.gif"), ("data-src", "real.jpg")]);
        assert_eq!(attr(&a, "src"), Some("http://fakehost/test/real.jpg"));
        let (_, a) = kept(
            "img",
            &[
                ("src", "low.jpg"),
                ("class", "lazyload"),
                ("data-src", "high.jpg"),
            ],
        );
        assert_eq!(attr(&a, "src"), Some("http://fakehost/test/high.jpg"));
        let (_, a) = kept("img", &[("src", "real.jpg"), ("data-src", "other.jpg")]);
        assert_eq!(
            attr(&a, "src"),
            Some("http://fakehost/test/real.jpg"),
            "a real src wins"
        );
        let (_, a) = kept("img", &[("data-srcset", "s.jpg 320w, l.jpg 1024w")]);
        assert_eq!(attr(&a, "src"), Some("http://fakehost/test/l.jpg"));
        assert_eq!(
            attr(&a, "srcset"),
            Some("http://fakehost/test/s.jpg 320w, http://fakehost/test/l.jpg 1024w")
        );
        let (_, a) = kept(
            "img",
            &[
                ("data-lazy-srcset", "a.jpg, b.jpg 2x"),
                ("data-sizes", "(max-width: 600px) 100vw"),
            ],
        );
        assert_eq!(attr(&a, "src"), Some("http://fakehost/test/b.jpg"));
        assert_eq!(attr(&a, "sizes"), Some("(max-width: 600px) 100vw"));
        let (_, a) = kept(
            "img",
            &[
                ("class", "lazyload"),
                ("src", "/img/placeholder-1x1.gif"),
                ("data-srcset", "l-480.jpg 480w, l-960.jpg 960w"),
                ("data-sizes", "auto"),
            ],
        );
        assert_eq!(
            attr(&a, "src"),
            Some("http://fakehost/test/l-960.jpg"),
            "srcset beats a stand-in src"
        );
        assert_eq!(
            attr(&a, "sizes"),
            None,
            "sizes=auto needs native lazy loading"
        );
        let (_, a) = kept(
            "img",
            &[
                ("data-lazy-srcset", "a.jpg 1x"),
                ("data-lazy-sizes", "50vw"),
            ],
        );
        assert_eq!(attr(&a, "sizes"), Some("50vw"));
        let (_, a) = kept("img", &[("data-whatever", "/p/photo.webp")]);
        assert_eq!(attr(&a, "src"), Some("http://fakehost/p/photo.webp"));
        let (_, a) = kept(
            "img",
            &[
                ("src", "data:image/png;base64,".to_string().as_str()),
                ("data-src", "x.png"),
            ],
        );
        assert_eq!(attr(&a, "src"), Some("http://fakehost/test/x.png"));
    }

    #[test]
    fn unusable_images_are_dropped() {
        let gif = "data:image/gif;base64,R0lGODlhAQABAAAAACw=";
        for list in [
            vec![],
            vec![("src", gif)],
            vec![(
                "src",
                "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E",
            )],
            vec![("src", "javascript:alert(1)")],
            vec![("src", "data:text/html,<script>alert(1)</script>")],
            vec![("src", "pixel.gif"), ("width", "1"), ("height", "1")],
            vec![("srcset", "javascript:x 1x")],
        ] {
            assert_eq!(judge("img", &list), Action::Drop, "{list:?}");
        }
        let base = Url::parse("http://fakehost/").unwrap();
        let off = Context {
            base: Some(&base),
            keep_images: false,
        };
        assert_eq!(
            element("img", &attrs(&[("src", "a.jpg")]), &off),
            Action::Drop
        );
        assert_eq!(element("picture", &[], &off), Action::Drop);
        assert_eq!(
            element("source", &attrs(&[("srcset", "a.jpg")]), &off),
            Action::Drop
        );
    }

    #[test]
    fn large_inline_raster_images_are_kept() {
        let data = format!("data:image/png;base64,{}", "A".repeat(400));
        let (_, a) = kept("img", &[("src", &data)]);
        assert_eq!(attr(&a, "src"), Some(data.as_str()));
    }

    #[test]
    fn picture_sources() {
        let (_, a) = kept(
            "source",
            &[
                ("srcset", "a.webp 1x, b.webp 2x"),
                ("type", "image/webp"),
                ("media", "(min-width: 800px)"),
                ("src", "x"),
            ],
        );
        assert_eq!(
            a,
            vec![
                (
                    "srcset",
                    "http://fakehost/test/a.webp 1x, http://fakehost/test/b.webp 2x".to_string()
                ),
                ("type", "image/webp".to_string()),
                ("media", "(min-width: 800px)".to_string())
            ]
        );
        assert_eq!(
            judge("source", &[("srcset", "a.mp4"), ("type", "video/mp4")]),
            Action::Drop
        );
        assert_eq!(
            judge("source", &[("srcset", "a.svg"), ("type", "image/svg+xml")]),
            Action::Drop
        );
        assert_eq!(judge("source", &[("src", "a.jpg")]), Action::Drop);
    }

    #[test]
    fn spans_are_kept_only_with_meaning() {
        assert_eq!(
            kept("span", &[("lang", "fr")]).1,
            vec![("lang", "fr".to_string())]
        );
        assert_eq!(
            kept("span", &[("id", "x")]).1,
            vec![("id", "qp-x".to_string())]
        );
        assert_eq!(judge("span", &[("class", "x")]), Action::Unwrap);
    }

    #[test]
    fn without_a_base_urls_stay_relative() {
        let ctx = Context {
            base: None,
            keep_images: true,
        };
        let a = element("a", &attrs(&[("href", "x/y.html")]), &ctx);
        assert_eq!(
            a,
            Action::Keep {
                tag: "a",
                attrs: vec![("href", "x/y.html".to_string())]
            }
        );
        assert_eq!(
            element("a", &attrs(&[("href", "javascript:x")]), &ctx),
            Action::Unwrap
        );
    }

    /// Density and width descriptors are compared as numbers, in the forms HTML allows
    /// ("1.5x", "2e0x", "640w"); a candidate whose descriptor is no number is left out.
    #[test]
    fn srcset_descriptors_are_read_as_numbers() {
        let (_, a) = kept(
            "img",
            &[(
                "srcset",
                "a.jpg 1.5x, b.jpg 2e0x, c.jpg 0.75x, d.jpg 1e+x, e.jpg -3x, f.jpg .5x",
            )],
        );
        assert_eq!(attr(&a, "src"), Some("http://fakehost/test/b.jpg"));
        assert_eq!(
            attr(&a, "srcset"),
            Some("http://fakehost/test/a.jpg 1.5x, http://fakehost/test/b.jpg 2e0x, http://fakehost/test/c.jpg 0.75x, http://fakehost/test/f.jpg .5x")
        );
        let (_, a) = kept("img", &[("srcset", "s.jpg 320w, m.jpg 1024w, l.jpg 980w")]);
        assert_eq!(attr(&a, "src"), Some("http://fakehost/test/m.jpg"));
    }
}

mod context_rules {
    use quietpage::sanitize::{in_context, Action};

    fn keep(tag: &'static str) -> Action {
        Action::Keep { tag, attrs: vec![] }
    }

    #[test]
    fn mathml_only_inside_math() {
        assert_eq!(in_context(keep("mi"), true, Some("mrow")), keep("mi"));
        assert_eq!(in_context(keep("mi"), false, Some("p")), Action::Unwrap);
        assert_eq!(in_context(keep("p"), true, Some("mtext")), Action::Unwrap);
        assert_eq!(in_context(keep("img"), true, Some("math")), Action::Unwrap);
        assert_eq!(in_context(keep("math"), false, None), keep("math"));
        assert_eq!(in_context(keep("math"), true, Some("mrow")), keep("math"));
    }

    #[test]
    fn source_only_in_picture() {
        assert_eq!(
            in_context(keep("source"), false, Some("picture")),
            keep("source")
        );
        assert_eq!(in_context(keep("source"), false, Some("div")), Action::Drop);
        assert_eq!(in_context(keep("source"), false, None), Action::Drop);
    }

    #[test]
    fn other_verdicts_pass_through() {
        assert_eq!(in_context(Action::Drop, true, None), Action::Drop);
        assert_eq!(in_context(Action::Unwrap, false, None), Action::Unwrap);
        assert_eq!(in_context(keep("p"), false, Some("div")), keep("p"));
    }
}

mod escaping {
    use quietpage::sanitize::{escape_attr, escape_text};

    #[test]
    fn text_and_attributes() {
        let mut s = String::new();
        escape_text("a < b && c > \"d\" \u{0}", &mut s);
        assert_eq!(s, "a &lt; b &amp;&amp; c &gt; \"d\" \u{FFFD}");
        let mut s = String::new();
        escape_attr("\"><script>&'", &mut s);
        assert_eq!(s, "&quot;&gt;&lt;script&gt;&amp;'");
    }

    /// Every special character at every position of texts long and short (the escaper reads
    /// eight bytes at a time), beside multi-byte characters.
    #[test]
    fn every_position_of_long_and_short_text() {
        let by_char = |s: &str, attr: bool| -> String {
            s.chars()
                .map(|c| match c {
                    '&' => "&amp;".to_string(),
                    '<' => "&lt;".to_string(),
                    '>' => "&gt;".to_string(),
                    '"' if attr => "&quot;".to_string(),
                    '\u{0}' => "\u{FFFD}".to_string(),
                    c => c.to_string(),
                })
                .collect()
        };
        for len in 0..20 {
            for at in 0..=len {
                for special in ["&", "<", ">", "\"", "\u{0}", "é", "€"] {
                    let s: String = (0..len)
                        .map(|i| {
                            if i == at {
                                special
                            } else {
                                "abc-é"[i % 3..i % 3 + 1].into()
                            }
                        })
                        .collect::<Vec<&str>>()
                        .concat();
                    let (mut text, mut attr) = (String::new(), String::new());
                    escape_text(&s, &mut text);
                    escape_attr(&s, &mut attr);
                    assert_eq!(text, by_char(&s, false), "{s:?}");
                    assert_eq!(attr, by_char(&s, true), "{s:?}");
                }
            }
        }
    }
}

mod fragments {
    use quietpage::sanitize::{fragment, Writer};

    fn f(html: &str) -> String {
        fragment(html, Some("http://fakehost/test/page.html"))
    }

    #[test]
    fn text_is_decoded_then_escaped() {
        assert_eq!(
            f("<p>a &amp; b &lt;i&gt; &copy 2024 &#x3C;script&#x3E;</p>"),
            "<p>a &amp; b &lt;i&gt; © 2024 &lt;script&gt;</p>"
        );
        assert_eq!(
            f("<xmp><b>&amp;</b></xmp>"),
            "<pre>&lt;b&gt;&amp;amp;&lt;/b&gt;</pre>",
            "raw text is not decoded"
        );
    }

    #[test]
    fn dropped_elements_take_their_content() {
        assert_eq!(
            f("<p>a<script>alert(1)</script>b<style>p{}</style>c</p>"),
            "<p>abc</p>"
        );
        assert_eq!(
            f("<div>x<svg><g><text>y</text></g></svg>z</div>"),
            "<div>xz</div>"
        );
        assert_eq!(
            f("<p>a<button>Share</button><select><option>1</select>b</p>"),
            "<p>ab</p>"
        );
        assert_eq!(
            f("<div>x<form><input><label>l</label></form>y</div>"),
            "<div>xly</div>"
        );
    }

    #[test]
    fn a_shadow_roots_content_is_sanitised_like_any_other() {
        assert_eq!(
            f("<div><template shadowrootmode=open><p onclick=alert(1)>in<script>x</script></p><a href=\"javascript:alert(1)\">l</a></template>out</div>"),
            "<div><p>in</p>lout</div>"
        );
    }

    #[test]
    fn an_unclosed_dropped_element_ends_with_its_parent() {
        assert_eq!(
            f("<div><p>a<select><option>b</div><p>after</p>"),
            "<div><p>a</p></div><p>after</p>"
        );
    }

    #[test]
    fn implied_end_tags_are_written() {
        assert_eq!(f("<p>a<p>b"), "<p>a</p><p>b</p>");
        assert_eq!(f("<ul><li>a<li>b</ul>"), "<ul><li>a</li><li>b</li></ul>");
        assert_eq!(
            f("<ul><li>a<ul><li>b</ul><li>c</ul>"),
            "<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>"
        );
        assert_eq!(f("<p>x<div>y</div>"), "<p>x</p><div>y</div>");
        assert_eq!(f("<p>x<b>y<p>z"), "<p>x<b>y</b></p><p>z</p>");
        assert_eq!(
            f("<table><tr><td>a<td>b<tr><td>c</table>"),
            "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>"
        );
        assert_eq!(
            f("<dl><dt>a<dd>b<dt>c</dl>"),
            "<dl><dt>a</dt><dd>b</dd><dt>c</dt></dl>"
        );
        assert_eq!(f("<b><i>x</b>y</i>"), "<b><i>x</i></b>y");
        assert_eq!(
            f("<a href=a>1<a href=b>2</a>"),
            "<a href=\"http://fakehost/test/a\">1</a><a href=\"http://fakehost/test/b\">2</a>"
        );
        assert_eq!(f("<div><p>open"), "<div><p>open</p></div>");
    }

    #[test]
    fn mathml_only_inside_math() {
        assert_eq!(
            f("<math display=block><mi>x</mi><mo>=</mo><mfrac><mn>1</mn><mn>2</mn></mfrac></math>"),
            "<math display=\"block\"><mi>x</mi><mo>=</mo><mfrac><mn>1</mn><mn>2</mn></mfrac></math>"
        );
        assert_eq!(f("<p><mi>x</mi></p>"), "<p>x</p>");
        assert_eq!(
            f("<math><mtext><b>x</b><img src=a.png></mtext></math>"),
            "<math><mtext>x</mtext></math>"
        );
        assert_eq!(
            f("<math><mspace width=\"1em\"/><mi>y</mi></math>"),
            "<math><mspace width=\"1em\"></mspace><mi>y</mi></math>"
        );
    }

    #[test]
    fn only_a_tex_annotation_rides_along() {
        let tex = |encoding: &str| {
            f(&format!(
                "<math><semantics><mi>x</mi><annotation encoding=\"{encoding}\">x</annotation></semantics></math>"
            ))
        };
        let kept = "<math><semantics><mi>x</mi><annotation encoding=\"application/x-tex\">x</annotation></semantics></math>";
        assert_eq!(tex("application/x-tex"), kept);
        assert_eq!(tex(" TeX "), kept, "one name for TeX in the output");
        let dropped = "<math><semantics><mi>x</mi></semantics></math>";
        assert_eq!(tex("application/x-maple"), dropped);
        assert_eq!(tex("text/html"), dropped);
        assert_eq!(
            f("<math><semantics><mi>x</mi><annotation>x</annotation></semantics></math>"),
            dropped
        );
    }

    #[test]
    fn pictures_and_figures() {
        assert_eq!(
            f("<picture><source srcset=a.webp type=image/webp><img src=a.jpg></picture>"),
            "<picture><source srcset=\"http://fakehost/test/a.webp\" type=\"image/webp\"><img src=\"http://fakehost/test/a.jpg\"></picture>"
        );
        assert_eq!(
            f("<div><source srcset=a.webp>x</div>"),
            "<div>x</div>",
            "source outside picture"
        );
        assert_eq!(
            f("<picture><source srcset=a.webp></picture>"),
            "",
            "picture without an image"
        );
        assert_eq!(
            f("<figure><img src=javascript:x><figcaption>Caption</figcaption></figure><p>t</p>"),
            "<p>t</p>",
            "a figure left with only its caption goes"
        );
        assert_eq!(
            f("<figure><blockquote>q</blockquote><figcaption>c</figcaption></figure>"),
            "<figure><blockquote>q</blockquote><figcaption>c</figcaption></figure>"
        );
    }

    #[test]
    fn images_off_removes_figures_of_images() {
        let mut w = Writer::new(None, false);
        let fig = w.start("figure", &[], true);
        w.start("img", &[("src".into(), "http://x/a.jpg".into())], false);
        let cap = w.start("figcaption", &[], true);
        w.text("Caption");
        w.end(cap);
        w.end(fig);
        let p = w.start("p", &[], true);
        w.text("text");
        w.end(p);
        assert_eq!(w.finish(), "<p>text</p>");
    }

    #[test]
    fn comments_doctype_and_document_wrappers_go() {
        assert_eq!(
            f("<!doctype html><html><head><title>T</title><meta http-equiv=refresh content=\"0;url=javascript:x\"></head><body><!-- c --><p>x</p></body></html>"),
            "<p>x</p>"
        );
    }

    #[test]
    fn base_is_optional() {
        assert_eq!(
            fragment("<a href=\"x.html\">x</a><img src=\"/i.png\">", None),
            "<a href=\"x.html\">x</a><img src=\"/i.png\">"
        );
    }

    #[test]
    fn hostile_shapes_do_not_panic() {
        let deep = "<div>".repeat(200_000) + "x";
        let out = fragment(&deep, None);
        assert!(out.starts_with("<div><div>") && out.ends_with("</div></div>"));
        let deep_b = "<b>".repeat(50_000) + &"</b>".repeat(50_000);
        assert_eq!(fragment(&deep_b, None).len(), 7 * 50_000);
        for s in [
            "<",
            "</",
            "<a",
            "<a href",
            "<a href='",
            "&",
            "<p>&#",
            "\u{0}<p>\u{0}</p>",
            "<![CDATA[x]]>",
            "<math><![CDATA[<img>]]></math>",
            "</p></p></div>",
            "<table><td>x",
            "<image src=a.png>",
        ] {
            let _ = fragment(s, Some("http://x/"));
        }
        let attrs: String = (0..100_000)
            .map(|i| format!(" data-a{i}=\"{i}\""))
            .collect();
        let wide = format!("<p{attrs} lang=\"en\">x</p><img{attrs} src=\"a.png\">");
        assert_eq!(
            fragment(&wide, None),
            "<p lang=\"en\">x</p><img src=\"a.png\">",
            "many attributes on one tag cost linear time"
        );
        let huge = format!(
            "<img src=\"data:image/png;base64,{}\">",
            "A".repeat(10 << 20)
        );
        assert_eq!(fragment(&huge, None).len(), huge.len());
        let many = "<i>x</i>".repeat(100_000);
        assert_eq!(fragment(&many, None), many);
    }
}
