//! One behaviour per test, each on a small page of its own in `tests/fixtures/` (written for
//! these tests, modelled on Mozilla Readability's single-behaviour pages). Every assertion is
//! about what a reader gets: the words, the pictures, the links and the fields the view shows.
//!
//! Every successful extraction also passes `support::assert_article_invariants` (well-formed,
//! inert `content_html`; `text` made of blocks separated by exactly one blank line).

mod support;

use quietpage::{Error, Options};
use support::*;

mod lazy_images {
    use super::*;

    const URL: &str = "https://blog.example.com/2024/05/walking-the-harbour/";

    fn article() -> quietpage::Article {
        extract_ok(&fixture("lazy-images.html"), URL)
    }

    #[test]
    fn every_figure_shows_its_real_picture_once() {
        let a = article();
        let srcs = img_srcs(&a.content_html);
        // One image per figure: placeholders replaced rather than kept beside the real image,
        // noscript copies and blur-up thumbnails not shown a second time.
        let expected: [&[&str]; 5] = [
            // src placeholder GIF + data-src (relative)
            &["https://blog.example.com/wp-content/uploads/2024/05/harbour-dawn.jpg"],
            // inline SVG placeholder + data-lazy-src/data-lazy-srcset + noscript copy
            &[
                "https://cdn.example.com/uploads/2024/05/fish-market.jpg",
                "https://cdn.example.com/uploads/2024/05/fish-market-600.jpg",
            ],
            // placeholder file + data-srcset only (relative to the page's directory)
            &[
                "https://blog.example.com/2024/05/walking-the-harbour/images/lighthouse-960.jpg",
                "https://blog.example.com/2024/05/walking-the-harbour/images/lighthouse-480.jpg",
            ],
            // <picture><source srcset> around a placeholder <img>
            &[
                "https://blog.example.com/media/net-mending.jpg",
                "https://blog.example.com/media/net-mending.webp",
                "https://blog.example.com/media/net-mending@2x.webp",
            ],
            // blur-up thumbnail + src-less img + noscript with the real one
            &["https://cdn.example.com/uploads/2024/05/boats.jpg"],
        ];
        assert_eq!(
            srcs.len(),
            expected.len(),
            "one image per figure, got {srcs:?}\n{}",
            a.content_html
        );
        for (i, (src, allowed)) in srcs.iter().zip(expected).enumerate() {
            assert!(
                allowed.contains(&src.as_str()),
                "image {i} shows {src:?}, expected one of {allowed:?}"
            );
        }
    }

    /// Medium's blur-up: the thumbnail sits in a wrapper of its own, then a src-less image,
    /// then the `<noscript>` with the real picture. The picture takes the thumbnail's place.
    #[test]
    fn a_blurred_preview_in_its_own_wrapper_gives_way_to_the_noscript_picture() {
        let para = "<p>By nine the harbour had filled with people and the light had gone flat and white, and the boats that do not fit were pulled up on the shingle.</p>";
        let html = format!(
            r#"<!doctype html><html><head><title>Walking the harbour</title></head><body><article><h1>Walking the harbour</h1>{para}
<figure><div class="x"><div class="y"><div class="z"><img src="https://cdn.example.com/max/60/boats.png?q=20" width="540" height="304"></div><img class="full" width="540" height="304"><noscript><img src="https://cdn.example.com/max/1080/boats.png" width="540" height="304"></noscript></div></div></figure>
{}</article></body></html>"#,
            para.repeat(4)
        );
        let a = extract_ok(&html, URL);
        assert_eq!(
            img_srcs(&a.content_html),
            ["https://cdn.example.com/max/1080/boats.png"],
            "{}",
            a.content_html
        );
        assert!(
            a.content_html
                .contains("<div><img src=\"https://cdn.example.com/max/1080/boats.png\""),
            "{}",
            a.content_html
        );
    }

    /// Picturefill's markup: a `<div data-picture>` of `data-src` stand-ins a script turns
    /// into an image, and the picture itself only in a `<noscript>`. That picture is shown;
    /// one inside a link (an advert's click-through, another story's teaser) is not.
    #[test]
    fn a_picture_given_only_in_noscript_is_shown() {
        let para = "<p>By nine the harbour had filled with people and the light had gone flat and white, and the boats that do not fit were pulled up on the shingle.</p>";
        let page = |block: &str| {
            extract_ok(
                &format!(
                    r#"<!doctype html><html><head><title>Walking the harbour</title></head><body><article><h1>Walking the harbour</h1>{block}{}</article></body></html>"#,
                    para.repeat(5)
                ),
                URL,
            )
        };
        let a = page(
            r#"<div class="image" data-picture><div data-src="/boats.320.jpg" data-media="(max-width: 320px)"></div><div data-src="/boats.full.jpg"></div><noscript><img src="https://cdn.example.com/boats.620.jpg" alt="Boats on the shingle"></noscript></div>"#,
        );
        assert_eq!(
            img_srcs(&a.content_html),
            ["https://cdn.example.com/boats.620.jpg"],
            "{}",
            a.content_html
        );
        for advert in [
            r#"<div class="pic"><noscript><a href="https://ads.example.net/click"><img src="https://ads.example.net/banner.jpg" alt=""></a></noscript></div>"#,
            r#"<div class="pic"><a href="/2024/05/other-story.html"><div><noscript><img src="https://cdn.example.com/other.jpg" alt="Another story"></noscript></div></a></div>"#,
        ] {
            let a = page(advert);
            assert!(img_srcs(&a.content_html).is_empty(), "{}", a.content_html);
        }
    }

    #[test]
    fn no_placeholder_survives_anywhere() {
        let a = article();
        let tokens = tokenize(&a.content_html);
        for tok in elements(&tokens, "img")
            .into_iter()
            .chain(elements(&tokens, "source"))
        {
            for key in ["src", "srcset"] {
                if let Some(v) = tok.attr(key) {
                    for url in srcset_urls(v) {
                        assert!(
                            url.starts_with("https://"),
                            "{key} holds a non-absolute URL {url:?}"
                        );
                        for bad in ["placeholder", "q20", "data:"] {
                            assert!(
                                !url.contains(bad),
                                "{key} still holds a placeholder: {url:?}"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn captions_stay_with_their_figures() {
        let a = article();
        assert_eq!(count_elements(&a.content_html, "figure"), 5);
        assert_eq!(
            element_texts(&a.content_html, "figcaption"),
            [
                "The harbour at dawn, before the first boats go out.",
                "The morning catch, priced on the chalkboard.",
                "The pier light, with a swell coming in.",
                "Mending nets by the boatyard.",
                "Boats on the shingle below the church.",
            ]
        );
    }

    #[test]
    fn text_is_the_walk_with_captions_where_the_figures_stand() {
        assert_text_is(
            &article().text,
            &[
                "The best time to see the harbour is just after first light, when the water is flat and the only sound is the gulls arguing over the slipway. I set off from the clock tower a little after six with a flask of coffee and no particular plan.",
                "The harbour at dawn, before the first boats go out.",
                "Following the inner harbour round to the west side, the fish market was already open. Crates of mackerel and a few unhappy-looking crabs were being weighed and chalked up on a board that changes by the hour.",
                "The morning catch, priced on the chalkboard.",
                "From the market the coast path climbs steeply towards the lighthouse at the end of the pier. It is not a real lighthouse, the locals will tell you, just a light on a stick, but it has been guiding boats home since 1894.",
                "The pier light, with a swell coming in.",
                "Back down by the boatyard, two men were mending nets in the sun, working without a word between them. They have done this together for thirty years and, as one of them put it, there is not much left to say.",
                "Mending nets by the boatyard.",
                "By nine the harbour had filled with people and the light had gone flat and white. I finished the walk on the beach below the church, where the boats that do not fit in the harbour are pulled up on the shingle.",
                "Boats on the shingle below the church.",
                "If you go, start early, bring something warm, and leave the car at the top of the town. The walk takes about two hours if you stop as often as I did.",
            ],
        );
    }

    #[test]
    fn keep_images_false_leaves_pictures_out_but_not_words() {
        let options = Options {
            keep_images: false,
            ..Options::default()
        };
        let a = extract_with(&fixture("lazy-images.html"), URL, &options);
        for tag in ["img", "picture", "source"] {
            assert_eq!(count_elements(&a.content_html, tag), 0, "<{tag}> kept");
        }
        assert_in_order(
            &a.text,
            &[
                "The best time to see the harbour",
                "the fish market was already open",
                "guiding boats home since 1894",
                "two men were mending nets",
                "By nine the harbour had filled",
                "If you go, start early",
            ],
        );
    }
}

mod direction_and_language {
    use super::*;

    #[test]
    fn arabic_page_is_read_right_to_left() {
        let a = extract_ok(
            &fixture("rtl-arabic.html"),
            "https://akhbar.example/local/2024/04/library",
        );
        assert_eq!(a.dir.as_deref(), Some("rtl"));
        assert_eq!(a.lang.as_deref(), Some("ar"));
        assert_eq!(
            a.title.as_deref(),
            Some("افتتاح مكتبة عامة جديدة في الحي القديم")
        );
        assert_text_is(
            &a.text,
            &[
                "افتتحت بلدية المدينة يوم الثلاثاء مكتبة عامة جديدة في الحي القديم، بعد أعمال ترميم استمرت ثلاث سنوات في مبنى يعود إلى القرن التاسع عشر.",
                "وتضم المكتبة أكثر من أربعين ألف كتاب باللغتين العربية والفرنسية، إضافة إلى قاعة للأطفال وورشة لإصلاح المخطوطات القديمة.",
                "وقالت مديرة المكتبة إن الهدف هو أن يصبح المكان ملتقى لسكان الحي، مشيرة إلى أن الدخول سيكون مجانيا طوال أيام الأسبوع.",
                "ومن المنتظر أن تستضيف المكتبة في الشهر المقبل سلسلة من الأمسيات الأدبية يشارك فيها كتاب من مختلف أنحاء البلاد.",
            ],
        );
    }

    #[test]
    fn dir_on_the_content_container_counts() {
        // Only <main dir="rtl"> says so; <html> has a lang but no dir.
        let a = extract_ok(
            &fixture("rtl-hebrew-main.html"),
            "https://shchuna.example/news/market",
        );
        assert_eq!(a.dir.as_deref(), Some("rtl"));
        assert_eq!(a.lang.as_deref(), Some("he"));
        assert_text_is(
            &a.text,
            &[
                "אחרי הפסקה של שנתיים, שוק האיכרים השבועי חוזר לכיכר העירייה בכל יום שישי בבוקר.",
                "כשלושים חקלאים מהאזור יציעו ירקות, פירות, גבינות ולחם טרי, ולצידם דוכנים של יצרנים קטנים.",
                "לדברי מארגני השוק, המטרה היא לקצר את הדרך בין השדה לצלחת ולאפשר לתושבים להכיר את מי שמגדל את האוכל שלהם.",
                "השוק ייפתח בשעה שבע בבוקר וייסגר בשעה אחת בצהריים, והחניה בחניון העירוני תהיה ללא תשלום בשעות אלה.",
            ],
        );
    }

    #[test]
    fn english_page_is_not_rtl() {
        let a = extract_ok(
            &fixture("text-format.html"),
            "https://streets.example/essays/slower-cities",
        );
        assert_ne!(a.dir.as_deref(), Some("rtl"));
        assert_eq!(a.lang.as_deref(), Some("en"));
    }
}

mod hidden_nodes {
    use super::*;

    fn article() -> quietpage::Article {
        extract_ok(
            &fixture("hidden-nodes.html"),
            "https://riverside-courier.example/news/night-buses",
        )
    }

    #[test]
    fn what_the_page_hides_the_reader_does_not_see() {
        let a = article();
        let seen = visible_text(&a.content_html);
        for hidden in [
            "embargoed",             // hidden attribute
            "Earlier draft",         // display: none on the parent
            "Loading quote",         // visibility:hidden
            "🚌",                    // aria-hidden="true" inline
            "Related coverage",      // aria-hidden="true" block
            "interactive route map", // DISPLAY : NONE, any case and spacing
        ] {
            assert!(!a.text.contains(hidden), "text shows hidden {hidden:?}");
            assert!(
                !seen.contains(hidden),
                "content_html shows hidden {hidden:?}"
            );
        }
    }

    #[test]
    fn visible_paragraphs_all_remain() {
        // display:block and aria-hidden="false" are visible and stay.
        assert_text_is(
            &article().text,
            &[
                "Riverside council voted on Thursday to keep all four night bus routes running for at least another year, reversing a plan to cut two of them.",
                "The decision followed a petition signed by more than 6,000 residents, many of them shift workers at the hospital and the distribution park.",
                "Councillor Ade Bello said the routes were “a lifeline for people whose working day starts when everyone else’s ends”.",
                "The N2 route, which links the hospital to the northern estates, carried 41,000 passengers last year.",
                "The extra cost, about £180,000 a year, will come from the parking reserve rather than from fares.",
                "Operators have agreed to publish monthly figures so the council can review the service next spring.",
            ],
        );
    }

    #[test]
    fn hidden_removals_are_counted() {
        assert!(article().removed.hidden > 0);
    }
}

mod shadow_roots {
    use super::*;

    // Web components rendered on the server write their shadow roots as
    // `<template shadowrootmode>`, and the extension serialises live ones the same way.
    fn article() -> quietpage::Article {
        extract_ok(
            &fixture("shadow-roots.html"),
            "https://lanterne.example/travel/night-trains",
        )
    }

    #[test]
    fn a_components_rendering_is_read_with_what_it_slots_in() {
        let a = article();
        assert_eq!(
            a.title.as_deref(),
            Some("Night trains return to the valley line")
        );
        assert_eq!(a.byline.as_deref(), Some("Marta Keller"));
        // The component's own paragraphs, then the page's, slotted into its article. A stream
        // reads them in the order they are written, which for a default slot at the end of
        // the component is the order they are shown in.
        assert_text_is(
            &a.text,
            &[
                "The overnight service between the capital and the valley towns will run again from March, five years after the last sleeper train left the old terminus, the rail operator said on Tuesday.",
                "Six carriages have been refitted with cabins for two and four people, a dining car and a bicycle van, and the timetable puts the train in the valley shortly after seven in the morning.",
                "Tickets go on sale next month. A cabin for two will cost about the same as a night in one of the valley's hotels, which the operator hopes will tempt walkers in the spring.",
                "The line's stations are being repaired in the meantime. Platforms at three of them will be raised so that the new carriages can be boarded without steps, and all six will get shelters and lighting.",
                "“We never thought we would see a sleeper train in the valley again,” said a resident at the council's meeting.",
                "Fares for children under twelve will be half the adult price, and bicycles travel free.",
                "Local councils have welcomed the plan, although some residents near the terminus worry about noise from the shunting yard, which the operator says will be used less than before the line closed.",
            ],
        );
    }

    #[test]
    fn light_dom_no_slot_shows_is_left_out() {
        // Components that render their own version of their content (a styled quote, a
        // formatted note) and keep the plain one as light DOM for browsers without them:
        // with no slot for it, a browser shows the rendering alone, and so must the reader.
        let a = article();
        for once in ["we would see a sleeper train", "children under twelve"] {
            assert_eq!(a.text.matches(once).count(), 1, "{once:?} in the text");
            let html = visible_text(&a.content_html);
            assert_eq!(html.matches(once).count(), 1, "{once:?} in content_html");
        }
        assert!(
            a.content_html.contains("<blockquote>"),
            "the rendered quote is kept"
        );
    }

    #[test]
    fn furniture_inside_components_goes_like_any_other() {
        let a = article();
        for furniture in [
            "Subscribe",
            "Share on Social",
            "Email this story",
            "All rights reserved",
        ] {
            assert!(!a.text.contains(furniture), "text shows {furniture:?}");
            assert!(
                !a.content_html.contains(furniture),
                "html shows {furniture:?}"
            );
        }
    }

    #[test]
    fn inert_templates_stay_unseen_and_shadow_content_is_sanitised() {
        let a = article();
        for unseen in ["inert template", "not a shadow root", "pwned", "font-size"] {
            assert!(!a.text.contains(unseen), "text shows {unseen:?}");
            assert!(!a.content_html.contains(unseen), "html shows {unseen:?}");
        }
        let html = a.content_html.to_ascii_lowercase();
        for tag in ["<template", "<slot", "<script", "<style", "onclick"] {
            assert!(!html.contains(tag), "content_html has {tag:?}");
        }
    }
}

mod embedded_videos {
    use super::*;

    const PARA: &str = "The council published the survey of the river on Monday, three years after the flood that closed the lower town, and it makes for uncomfortable reading in places.";

    fn article() -> quietpage::Article {
        let html = format!(
            r#"<!doctype html><html lang="en"><head><title>The river survey</title></head><body>
<article><h1>The river survey</h1>
<p>{PARA}</p>
<figure><iframe src="https://www.youtube-nocookie.com/embed/abc123?rel=0" title="Drone   footage of the new dam" allowfullscreen></iframe>
<figcaption>The dam from the air.</figcaption></figure>
<p>{PARA}</p>
<p>As the engineers put it: <iframe data-src="//player.vimeo.com/video/4242" class="lazy"></iframe></p>
<p>{PARA}</p>
<iframe src="https://ads.example/slot?youtube.com" title="Advertisement"></iframe>
<iframe src="https://youtube.com.trick.example/embed/x" title="Not a video site"></iframe>
<a href="/watch"><iframe src="https://www.youtube.com/embed/inlink" title="Inside a link"></iframe></a>
<iframe src="javascript:alert('//www.youtube.com/embed/')" title="A script"></iframe>
<div><iframe src="https://player.vimeo.com/video/9" title="&lt;img src=x onerror=alert(1)&gt; Flood &amp; after"></iframe></div>
<p>{PARA}</p>
<video controls src="/media/dam-at-dawn.mp4" poster="/media/dam.jpg" title="The dam at dawn"></video>
<audio controls><source src="blob:https://river-news.example/1f2e"><source src="https://cdn.river-news.example/ep12.mp3?dl=1" type="audio/mpeg">Your browser cannot play this.</audio>
<video autoplay muted loop playsinline src="/media/ripples-loop.mp4"></video>
<video controls src="blob:https://river-news.example/9a8b"></video>
<p>{PARA}</p>
<p>{PARA}</p>
</article></body></html>"#
        );
        extract_ok(&html, "https://river-news.example/survey")
    }

    #[test]
    fn a_player_from_a_video_site_becomes_a_link_to_watch_it() {
        let a = article();
        assert!(
            a.content_html.contains(r#"<p><a href="https://www.youtube-nocookie.com/embed/abc123?rel=0">Video: Drone footage of the new dam (youtube-nocookie.com)</a></p>"#),
            "{}",
            a.content_html
        );
        assert!(a
            .text
            .contains("Video: Drone footage of the new dam (youtube-nocookie.com)"));
        // A lazy player's address, made absolute; inside a paragraph, just the link.
        assert!(
            a.content_html.contains(r#"As the engineers put it: <a href="https://player.vimeo.com/video/4242">Video on player.vimeo.com</a> </p>"#),
            "{}",
            a.content_html
        );
        assert!(!a.content_html.contains("<iframe"));
        // The title is the page's text, escaped like any other.
        assert!(
            a.content_html.contains(r#"<p><a href="https://player.vimeo.com/video/9">Video: &lt;img src=x onerror=alert(1)&gt; Flood &amp; after (player.vimeo.com)</a></p>"#),
            "{}",
            a.content_html
        );
    }

    /// An embed service's player (Medium wraps every video in embedly's) names the video in
    /// its address: the link goes to the video, on its own site. An address there that is
    /// not a video site's, or not a web address, gives no link.
    #[test]
    fn a_video_wrapped_by_an_embed_service_becomes_a_link_to_watch_it() {
        let page = |iframe: &str| {
            extract_ok(
                &format!(
                    r#"<!doctype html><html lang="en"><head><title>The river survey</title></head><body><article><h1>The river survey</h1><p>{PARA}</p>{iframe}<p>{PARA}</p><p>{PARA}</p></article></body></html>"#
                ),
                "https://river-news.example/survey",
            )
        };
        let a = page(
            r#"<figure><iframe src="https://cdn.embedly.com/widgets/media.html?src=https%3A%2F%2Fwww.youtube.com%2Fembed%2FIAoy3ia2ivI&amp;url=http%3A%2F%2Fwww.youtube.com%2Fwatch%3Fv%3DIAoy3ia2ivI&amp;schema=youtube" title="The dam from the air"></iframe><figcaption>The dam.</figcaption></figure>"#,
        );
        assert!(
            a.content_html.contains(r#"<a href="http://www.youtube.com/watch?v=IAoy3ia2ivI">Video: The dam from the air (youtube.com)</a>"#),
            "{}",
            a.content_html
        );
        for iframe in [
            r#"<iframe src="https://cdn.embedly.com/widgets/media.html?url=https%3A%2F%2Fyoutube.com.trick.example%2Fwatch" title="Not a video site"></iframe>"#,
            r#"<iframe src="https://cdn.embedly.com/widgets/media.html?url=javascript%3Aalert(1)%2F%2Fwww.youtube.com%2F" title="A script"></iframe>"#,
        ] {
            let a = page(iframe);
            assert!(!a.content_html.contains("<a "), "{}", a.content_html);
        }
    }

    /// The cleaning spares a block for its video (Readability's `_clean` keeps players from
    /// video sites), and only where the view then shows a link to watch it: an address that
    /// merely mentions a video site is another embed, and its short block goes.
    #[test]
    fn only_a_player_the_view_can_link_spares_its_block() {
        let page = |src: &str| {
            extract_ok(
                &format!(
                    r#"<!doctype html><html lang="en"><head><title>The river survey</title></head><body><article><h1>The river survey</h1><p>{PARA}</p><div><iframe src="{src}"></iframe><p>The lower town at dawn.</p></div><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p></article></body></html>"#
                ),
                "https://river-news.example/survey",
            )
        };
        for src in [
            "//www.youtube.com/embed/dawn",
            "https://cdn.embedly.com/widgets/media.html?url=https%3A%2F%2Fvimeo.com%2F42&amp;src=https%3A%2F%2Fplayer.vimeo.com%2Fvideo%2F42",
        ] {
            let a = page(src);
            assert!(a.text.contains("The lower town at dawn."), "{src}: {}", a.text);
            assert!(a.content_html.contains("<a href="), "{src}: {}", a.content_html);
        }
        let a = page("https://ads.example/slot?from=www.youtube.com/embed/dawn");
        assert!(!a.text.contains("The lower town at dawn."), "{}", a.text);
        assert!(!a.content_html.contains("<a href="), "{}", a.content_html);
    }

    #[test]
    fn a_native_player_with_controls_becomes_a_link_to_its_file() {
        let a = article();
        for link in [
            r#"<p><a href="https://river-news.example/media/dam-at-dawn.mp4">Video: The dam at dawn</a></p>"#,
            // The first source a reader can open, named by its file.
            r#"<p><a href="https://cdn.river-news.example/ep12.mp3?dl=1">Audio: ep12.mp3</a></p>"#,
        ] {
            assert!(
                a.content_html.contains(link),
                "{link} not in {}",
                a.content_html
            );
        }
        assert!(a.text.contains("Audio: ep12.mp3"));
    }

    #[test]
    fn a_link_set_between_words_keeps_them_apart() {
        let html = format!(
            "<html><head><title>T</title></head><body><article><h1>T</h1><p>{PARA}</p><p>{PARA}</p><p>Watch<iframe src=\"https://www.youtube.com/embed/q\"></iframe>now.</p><p>{PARA}</p></article></body></html>"
        );
        let a = extract_ok(&html, "https://river-news.example/survey");
        assert!(
            a.text.contains("Watch Video on youtube.com now."),
            "{}",
            a.text
        );
    }

    #[test]
    fn other_frames_and_look_alikes_leave_nothing() {
        let a = article();
        for absent in [
            "ads.example",
            "Advertisement",
            "trick.example",
            "Not a video site",
            "inlink",
            "A script",
            "javascript",
            "ripples-loop",
            "blob:",
            "cannot play",
        ] {
            assert!(
                !a.content_html.contains(absent),
                "{absent} in {}",
                a.content_html
            );
            assert!(!a.text.contains(absent), "{absent} in the text");
        }
    }
}

mod lists_of_paragraphs {
    use super::*;

    const PARA: &str = "This fortnight the team landed the last of the update fixes, cleaned up the old preference panes and welcomed three new contributors to the project.";

    /// A newsletter written as nested lists, a picture with its caption inside an item: the
    /// lists are the article, and Readability keeps them.
    #[test]
    fn a_list_that_holds_the_text_and_its_pictures_is_kept() {
        let html = format!(
            r#"<!doctype html><html lang="en"><head><title>These weeks in the project</title></head><body>
<article class="post"><h1>These weeks in the project</h1><div class="entry-content">
<h3>Highlights</h3>
<ul>
<li>We have just landed <a href="https://bugs.example/1553982">Bug 1553982</a>, which stops an update from starting while another copy of the program is running.
<ul><li><div class="wp-caption"><a href="https://files.example/restart.png"><img src="https://files.example/restart.png" alt="The restart page"></a><p class="wp-caption-text">The page that asks for a restart.</p></div></li></ul></li>
<li>Also about to land is <a href="https://bugs.example/353804">Bug 353804</a>, which downloads a newer update when one is already waiting to be installed.</li>
</ul>
<h3>Friends of the team</h3>
<p>{PARA}</p>
<p>{PARA}</p>
<p>{PARA}</p>
<p>{PARA}</p>
<p>{PARA}</p>
</div></article></body></html>"#
        );
        let a = extract_ok(&html, "https://blog.example/2020/12/these-weeks");
        assert!(
            a.text.contains("stops an update from starting"),
            "{}",
            a.text
        );
        assert!(
            a.text.contains("The page that asks for a restart."),
            "{}",
            a.text
        );
        assert!(
            a.content_html.contains(
                r#"<img src="https://files.example/restart.png" alt="The restart page">"#
            ),
            "{}",
            a.content_html
        );
        assert!(a.text.contains("downloads a newer update"), "{}", a.text);
    }
}

mod pasted_documents {
    use super::*;

    const PARA: &str = "Whisk the eggs with the sugar until pale, fold in the flour and the zest, then spread the batter evenly on the tray and bake it for twenty-five minutes.";

    /// A CMS pasted a whole document (`<html><body>`) into the article: a browser merges the
    /// second body into the first and leaves its content where it stands, so the paragraphs
    /// around it are as much the article as those in it.
    #[test]
    fn a_second_body_inside_the_article_is_no_article_of_its_own() {
        let html = format!(
            r#"<!doctype html><html lang="en"><head><title>Lemon tray bake</title></head><body>
<nav><a href="/">Home</a> <a href="/cakes">Cakes</a></nav>
<article><h1>Lemon tray bake</h1><div class="recipe">
<p>A classic from the bakery, and the first recipe I ever wrote down, back in 2017, when this blog was new.</p>
<html><body>
<div class="method"><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p></div>
<div class="tip"><p>{PARA}</p></div>
</body></html>
<p>Keep it in a tin: it stays moist for three days, and it freezes well for a month or more.</p>
</div></article>
<footer>Impressum</footer></body></html>"#
        );
        let a = extract_ok(&html, "https://bakes.example/lemon-tray-bake");
        for words in [
            "the first recipe I ever wrote down",
            "bake it for twenty-five minutes",
            "it freezes well",
        ] {
            assert!(a.text.contains(words), "{words}: {}", a.text);
        }
        assert!(!a.text.contains("Impressum"), "{}", a.text);
        assert!(!a.content_html.contains("<body"), "{}", a.content_html);
        assert!(!a.content_html.contains("<html"), "{}", a.content_html);
    }
}

mod class_names {
    use super::*;

    /// A breadcrumb trail named in short (Livemint's `storyPage_bcrumb__Fh9pE`), which ends
    /// in the story's own title, is the site's navigation, as one named in full is.
    #[test]
    fn a_breadcrumb_named_in_short_goes() {
        let body: String = (0..5)
            .map(|i| format!("<div class=\"para\"><p>{FERRY_PARA} ({i})</p></div>"))
            .collect();
        let html = format!(
            "<html><head><title>Ferry timetable changes for the winter season</title></head>\
             <body><div class=\"storyPage_storyBox__zQ3t0\">\
             <div class=\"storyPage_bcrumb__Fh9pE\"><a href=\"/\">Harbour News</a><span>/</span>\
             <a href=\"/ferries\">Ferries</a><span>/</span><span>Ferry timetable changes for the \
             winter season</span></div>\
             <h1>Ferry timetable changes for the winter season</h1>{body}</div></body></html>"
        );
        let a = extract_ok(&html, "https://news.example.com/ferry");
        assert_absent(&a, &["Harbour News", "Ferries/"]);
        assert!(a.text.starts_with("The harbour master"), "{}", a.text);
    }

    /// A player's playlist of other videos set in the story, named as recirculation in short
    /// (`jwplayer_recirc`): heading and titles go, though no title is a link.
    #[test]
    fn a_recirculation_box_named_in_short_goes() {
        let item = |title: &str| {
            format!(
                "<li class=\"jwplayer_recirc__item\"><span class=\"jwplayer_recirc__label\">\
                 Related Video</span> <span class=\"jwplayer_recirc__item-title\">{title}</span>\
                 </li>"
            )
        };
        let a = ferry_story_around(&format!(
            "<section class=\"jwplayer_recirc pmc-jwplayer-video-box\"><h2 \
             class=\"jwplayer_recirc__title\">Popular on the Gazette</h2><div \
             class=\"jwppp-video-box\"></div><ul class=\"jwplayer_recirc__playlist\">{}{}</ul>\
             </section>",
            item("Inside the harbour studio as the winter timetable was planned, in full"),
            item("The ferry crews on a season of storms, repairs and late crossings"),
        ));
        assert_absent(
            &a,
            &[
                "Popular on",
                "Related Video",
                "harbour studio",
                "season of storms",
            ],
        );
    }

    /// Sites whose classes are hashed by their CSS tooling (`dcr-1ujtlep`) or utility
    /// classes (`mb-32 rounded`) name components in `data-component`, `data-testid`,
    /// `data-area` (Der Spiegel), `data-module` or `data-widget`: a sign-up promo set in the
    /// story, fine print and all, and a share bar go by those names.
    #[test]
    fn components_named_in_data_attributes_go_by_those_names() {
        let fine_print = "Newsletters may contain information about charities, online ads, \
                          and content funded by outside parties. If you do not have an \
                          account, we will create a guest account for you to send you this \
                          newsletter. You can complete full registration at any time. For \
                          more information about how we use your data see our privacy policy.";
        let promo = format!(
            "<div class=\"dcr-1ujtlep\"><div class=\"dcr-1r0ntwr\" \
             data-component=\"newsletter-signup\"><p class=\"dcr-1g3rbz1\">Sign up to The \
             Tide Table</p><p class=\"dcr-v4jpng\">The week's harbour news, free every \
             Friday</p><p class=\"dcr-1n3pbh9\">{fine_print}</p></div></div>"
        );
        let share = "<div class=\"dcr-9xk2\" data-testid=\"share-tools\"><button>Copy \
                     link</button><a href=\"mailto:?subject=Ferry\">Email this story</a></div>\
                     <div data-area=\"newsletter\" class=\"mb-32 md:mx-auto\"><div \
                     class=\"p-24 rounded\"><p class=\"font-bold\">Die Lage am Morgen</p><p \
                     class=\"text-base mb-16\">Was heute wichtig ist – jeden Werktag um 6 Uhr.\
                     </p></div></div><div data-widget=\"ad-slot\" class=\"mx-auto\">\
                     <p>Anzeige der Woche</p></div>";
        let a = ferry_story(&promo, share);
        assert_absent(
            &a,
            &[
                "Tide Table",
                "guest account",
                "Copy link",
                "Email this story",
                "Lage am Morgen",
                "Werktag",
                "Anzeige der Woche",
            ],
        );
        assert!(a.text.ends_with("trained first. (4)"), "{}", a.text);
    }

    /// The story itself set in a box named for the paywall that unlocks it stays.
    #[test]
    fn a_story_in_a_component_named_for_its_paywall_stays() {
        let body: String = (0..6)
            .map(|i| format!("<p class=\"css-at9mc1\">{FERRY_PARA} ({i})</p>"))
            .collect();
        let html = format!(
            "<html><head><title>Ferry timetable</title></head><body><main><h1>Ferry \
             timetable</h1><section data-testid=\"paywall-body\">{body}</section></main>\
             </body></html>"
        );
        let a = extract_ok(&html, "https://news.example.com/ferry");
        assert_eq!(
            a.text.matches("repairs to the pier").count(),
            6,
            "{}",
            a.text
        );
    }

    const PARA: &str = "A heat pump works best with a low flow temperature, which large radiators or underfloor heating allow even in an older house with good insulation.";

    /// A site built from a CMS's components names each part `cmp-<kind>`; `cmp` alone, or
    /// after a vendor's name, is a consent manager's box.
    #[test]
    fn components_namespaced_cmp_are_content_and_consent_boxes_are_not() {
        let block = |n: usize| {
            format!(
                r#"<div class="text"><div class="cmp-text" id="text-{n}"><p>{PARA}</p><p>{PARA}</p></div></div>"#
            )
        };
        let blocks: String = (0..4).map(block).collect();
        let html = format!(
            r#"<!doctype html><html lang="en"><head><title>Heat pumps in old houses</title></head><body>
<div id="qc-cmp2-container"><p>We value your privacy. We and our partners store and access information on your device.</p></div>
<main><div class="cmp-container"><h1 class="cmp-title__text">Heat pumps in old houses</h1>{blocks}
<div class="image"><div class="cmp-image"><img class="cmp-image__image" src="/pump.jpg" alt="A heat pump"></div></div>
</div></main></body></html>"#
        );
        let a = extract_ok(&html, "https://heating.example/heat-pumps");
        assert_eq!(
            a.text.matches("low flow temperature").count(),
            8,
            "{}",
            a.text
        );
        assert!(a.content_html.contains("pump.jpg"), "{}", a.content_html);
        assert!(!a.text.contains("We value your privacy"), "{}", a.text);
    }

    /// A review split into sections that each carry a modifier naming the ad slot inside
    /// them (`TestReport__Section--Ads`, and `--Conclusion --Ads` for the verdict): together
    /// they are the story, however little each holds. A lone block of that name beside the
    /// story is still an ad.
    #[test]
    fn a_story_split_into_sections_named_for_their_ads_stays() {
        let section = |n: usize| {
            format!(
                r#"<section class="Report__Section Report__Section--Ads" id="part-{n}"><h2>Part {n}</h2><p>{PARA} ({n})</p><p>{PARA}</p><p>{PARA}</p><div class="ad-slot"></div></section>"#
            )
        };
        let sections: String = (0..4).map(section).collect();
        let html = format!(
            r#"<!doctype html><html lang="en"><head><title>Heat pumps in old houses</title></head><body>
<main><div class="Main__Container"><header class="Report__Header Report__Section--Ads"><h1>Heat pumps in old houses</h1><h2>Warm rooms at a low flow temperature</h2><p>12.03.2024 | by Jane Doe</p></header><p class="intro">We tested three heat pumps in a house from 1958.</p>
<section class="Report__Section Report__Section--Conclusion Report__Section--Ads"><h2>Verdict</h2><p>All three kept the house warm (verdict).</p><dl><dt>Pros</dt><dd>Quiet</dd></dl></section>
{sections}</div>
<div class="Sidebar__Box--Ads"><p>Heat pumps from 99 euros a month, installed within a week by our partners.</p></div></main></body></html>"#
        );
        let a = extract_ok(&html, "https://heating.example/heat-pumps-review");
        assert_in_order(&a.text, &["(verdict)", "(0)", "(1)", "(2)", "(3)"]);
        // A header so named is no part of the run: the title and the date line go as before.
        assert_absent(&a, &["Warm rooms", "99 euros"]);
    }

    /// Each paragraph a subscription unlocks marked `class="paywall"` (Condé Nast's sites),
    /// set in chunks between ad slots: the story stays, a last chunk of two short paragraphs
    /// too. A teaser's summary of that name, one to a card, is not a run and still goes.
    #[test]
    fn paragraphs_classed_for_the_paywall_stay() {
        let chunk = |n: usize| {
            let paras: String = (0..4)
                .map(|k| format!(r#"<p class="paywall">{PARA} {PARA} {PARA} ({n}.{k})</p>"#))
                .collect();
            format!(
                r#"<div class="grid"><div class="body__inner-container">{paras}</div></div><div class="ad ad--mid-content"></div>"#
            )
        };
        let mut chunks: String = (0..3).map(chunk).collect();
        chunks.push_str(&format!(r#"<div class="grid"><div class="body__inner-container"><p class="paywall">{PARA} (last.0)</p><p class="paywall">{PARA} (last.1)</p></div></div>"#));
        let cards: String = (0..6)
            .map(|n| format!(r#"<div class="card"><h3><a href="/s{n}">Another story {n}</a></h3><p class="paywall">Summary {n} of another story, a sentence or two from the desk about heat pumps and radiators.</p></div>"#))
            .collect();
        let html = format!(
            r#"<!doctype html><html lang="en"><head><title>Heat pumps in old houses</title></head><body>
<main><h1>Heat pumps in old houses</h1><p>We tested three heat pumps in a house from 1958.</p>
{chunks}<div class="more">{cards}</div></main></body></html>"#
        );
        let a = extract_ok(&html, "https://heating.example/heat-pumps-review");
        assert_in_order(&a.text, &["(0.3)", "(1.3)", "(2.3)", "(last.1)"]);
        assert_absent(&a, &["Summary"]);
    }

    /// The story's subheadings named as its paragraphs are (The Irish Times' `<h3
    /// class="c-heading paywall">` among `<p class="c-paragraph paywall">`) stay; a heading
    /// named for something else among them (a sign-up box's) still goes.
    #[test]
    fn subheadings_classed_for_the_paywall_stay() {
        let section = |n: usize| {
            let paras: String = (0..2)
                .map(|k| format!(r#"<p class="c-paragraph paywall">{PARA} {PARA} ({n}.{k})</p>"#))
                .collect();
            format!(r#"<h3 class="c-heading paywall">Part {n} of the test</h3>{paras}"#)
        };
        let sections: String = (0..3).map(section).collect();
        let html = format!(
            r#"<!doctype html><html lang="en"><head><title>Heat pumps in old houses</title></head><body>
<main><h1>Heat pumps in old houses</h1><div class="article-body"><p>We tested three heat pumps in a house from 1958.</p>
{sections}<h3 class="newsletter-title">Get the morning briefing</h3></div></main></body></html>"#
        );
        let a = extract_ok(&html, "https://heating.example/heat-pumps-review");
        assert_in_order(
            &a.text,
            &[
                "Part 0 of the test",
                "(0.1)",
                "Part 1 of the test",
                "(1.0)",
                "Part 2 of the test",
                "(2.1)",
            ],
        );
        assert_absent(&a, &["morning briefing"]);
    }

    /// A link named like boilerplate in the middle of a paragraph is a part of its sentence:
    /// a word linked to the site's search, an affiliate link on the thing the sentence names.
    /// Beside a short line, or as a call to action after the prose, such a link still goes.
    #[test]
    fn links_named_like_boilerplate_inside_a_sentence_stay() {
        let html = format!(
            r#"<!doctype html><html lang="en"><head><title>Heat pumps in old houses</title></head><body>
<main><article><h1>Heat pumps in old houses</h1>
<p>The pump we tested in <a class="searchLink" href="/search?q=Damboa">Damboa</a> ran all winter, and {PARA}</p>
<p>For the radiators we chose <a class="smb-affiliate-link" rel="sponsored" href="https://shop.example/r">this low-temperature model</a>, which {PARA}</p>
<div>An old page sets its text straight in a block, with a note on <a class="popup" href="javascript:void(0)" onclick="return overlib('the copyists')">the law-copyists</a> in a pop-up, and {PARA}<br><br>{PARA}</div>
<p>{PARA} <a class="cta" href="/subscribe">Subscribe</a></p>
<p>{PARA} <a class="share-twitter" href="https://twitter.com/intent/tweet?text=pumps">Tweet this</a> <span class="share-count">12 shares</span></p>
<p>{PARA} <a class="comment-link" href="/heat-pumps/comments">3 comments</a></p>
<p>Read: <a class="searchLink" href="/search?q=pumps">more about pumps</a></p>
</article></main></body></html>"#
        );
        let a = extract_ok(&html, "https://heating.example/heat-pumps");
        assert_present(
            &a,
            &[
                "tested in Damboa ran all winter",
                "we chose this low-temperature model, which",
                "a note on the law-copyists in a pop-up",
            ],
        );
        assert_absent(
            &a,
            &[
                "Subscribe",
                "more about pumps",
                "Tweet this",
                "12 shares",
                "3 comments",
            ],
        );
    }

    /// A site search panel, open or not, says nothing about the article: its prompt and its
    /// "nothing found" line go. A word that only holds "search" names no panel.
    #[test]
    fn a_search_panel_goes() {
        let html = format!(
            r#"<!doctype html><html lang="en"><head><title>Heat pumps in old houses</title></head><body>
<main><article><h1>Heat pumps in old houses</h1>
<div class="recipe-search"><label>Search for a topic or a product</label><input type="text"></div>
<p>{PARA}</p><p>{PARA}</p><p>{PARA}</p>
<div class="research-notes"><p>The research notes say the same of flow temperatures in older houses.</p></div>
<div id="site-search" class="search-wrap"><div class="empty-msg"><p>Sorry, we didn't find anything.</p></div></div>
</article></main></body></html>"#
        );
        let a = extract_ok(&html, "https://heating.example/heat-pumps");
        assert_absent(&a, &["Search for a topic", "Sorry, we didn't find"]);
        assert_present(&a, &["The research notes say"]);
        assert_eq!(a.text.matches("low flow temperature").count(), 3);
    }

    /// Generated names end in hashes (Org exports, CSS modules); a hash that ends in `ad`
    /// names no advert.
    #[test]
    fn a_hash_in_a_name_is_no_word() {
        let section = |id: &str| {
            format!(
                r#"<div id="outline-container-{id}" class="outline-2"><h2>Part {id}</h2><p>{PARA}</p><p>{PARA}</p></div>"#
            )
        };
        let html = format!(
            r#"<!doctype html><html lang="en"><head><title>Notes on heat pumps</title></head><body>
<div id="content"><h1 class="title">Notes on heat pumps</h1>{}{}{}</div>
<div class="ad" id="ad-3"><p>Buy a heat pump today from our partners and save.</p></div></body></html>"#,
            section("org1f2e3c4"),
            section("orgd7109ad"),
            section("org9b8fad1")
        );
        let a = extract_ok(&html, "https://notes.example/heat-pumps.html");
        assert_eq!(
            a.text.matches("low flow temperature").count(),
            6,
            "{}",
            a.text
        );
        assert!(!a.text.contains("from our partners"), "{}", a.text);
    }

    /// Medium gives each paragraph an id of four hexadecimal digits (`ad7a`, `fb3e`): a hash,
    /// whose letters name no advert or share bar. An ad slot numbered `ad2` is still an ad.
    #[test]
    fn a_paragraph_whose_id_is_a_hash_stays() {
        let a = heat_pumps_article(&format!(
            r#"<p id="1b9e">{PARA}</p><p id="4213">{PARA}</p><div id="ad2"><p>Buy a heat pump today from our partners and save.</p></div>
<p id="ad7a"><em>Thanks to Marcus and Lena for reading drafts of this post.</em></p>"#
        ));
        assert!(
            a.text.ends_with("reading drafts of this post."),
            "{}",
            a.text
        );
        assert!(!a.text.contains("from our partners"), "{}", a.text);
    }

    /// A text-to-speech player over the story (CBC's `tts-player`) is controls, a running
    /// time and a disclaimer about the voice, none of it the story.
    #[test]
    fn a_text_to_speech_player_goes() {
        heat_pumps_without(
            &format!(
                r#"<div class="tts-player"><button aria-label="Listen to this article"></button><div class="ttsInfo"><span class="ttsTitle">Listen to this article</span> <span class="ttsDuration">Estimated 4 minutes</span><p class="tts-disclaimer">The audio version of this article is generated by text-to-speech, a technology based on artificial intelligence.</p></div></div>
<p>{PARA}</p><p>{PARA}</p><p>{PARA}</p>"#
            ),
            3,
            &[
                "Listen to this article",
                "Estimated 4 minutes",
                "text-to-speech",
            ],
        );
    }

    /// Badges pinned on a page ("Version: 3.4" over a docs page, "Exklusiv für Abonnenten"
    /// over a story, "Lesetipp" over a link) label it; none is its text.
    #[test]
    fn badges_go() {
        heat_pumps_without(
            &format!(
                r#"<span class="theme-doc-version-badge badge badge--secondary">Version: 3.4</span>
<a class="entry__badge" href="/abo">Exklusiv für Abonnenten</a><p>{PARA}</p><p>{PARA}</p>
<div class="article-teaser"><span class="badge">Lesetipp</span></div><p>{PARA}</p>"#
            ),
            3,
            &["Version: 3.4", "Exklusiv", "Lesetipp"],
        );
    }

    /// A badge in a line of text is part of what the line says: MDN's "Optional" beside a
    /// parameter's name.
    #[test]
    fn a_badge_in_a_line_of_text_stays() {
        let a = heat_pumps_article(&format!(
            r##"<p>{PARA}</p><dl><dt id="flow"><a href="#flow"><code>flowTemp</code></a> <span class="badge inline optional">Optional</span></dt><dd><p>{PARA}</p></dd></dl><p>{PARA}</p>"##
        ));
        assert!(a.text.contains("flowTemp Optional"), "{}", a.text);
    }

    /// Readers' reviews under a recipe (`feedback-list`) and a page's "send us feedback" box
    /// are the readers', not the article.
    #[test]
    fn feedback_goes() {
        heat_pumps_without(
            &format!(
                r#"<p>{PARA}</p><p>{PARA}</p><p>{PARA}</p>
<div class="comp mm-recipes-reviews feedback-list"><h2>Reviews (248)</h2><div class="feedback-list__items"><div class="feedback__text"><p>Easy to follow. I used a smaller pump and cut the flow temperature to 40 degrees. Everyone was warm.</p></div></div></div>
<div class="reader-satisfaction-survey prompt feedback"><p class="feedback-message">We're interested in your feedback on this page.</p></div>"#
            ),
            3,
            &["Reviews (248)", "Easy to follow", "your feedback"],
        );
    }

    /// A subheading's `id` is its anchor, made from its words (heise's `<h3
    /// class="subheading" id="nav_was_noch_fehlt_0">`, a Markdown renderer's
    /// `id="what-the-neighbours-like"`): it declares no navigation or like button, and no
    /// byline for the "author" in a word of it (GOV.UK's `new-duties-for-local-authorities`). A heading
    /// whose `id` names boilerplate and is not made of its words still goes, and so does one
    /// a data attribute names, whatever its `id`.
    #[test]
    fn a_subheadings_anchor_declares_nothing() {
        let a = heat_pumps_article(&format!(
            r#"<p>{PARA}</p><h3 class="subheading" id="nav_was_noch_fehlt_0">Was noch fehlt</h3><p>{PARA}</p><h2 id="what-the-neighbours-like">What the neighbours like</h2><p>{PARA}</p><h2 id="new-duties-for-local-authorities">New duties for local authorities</h2><p>{PARA}</p><h3 id="newsletter-title">Der Wärme-Newsletter</h3><p>{PARA}</p><h3 data-component="newsletter-title" id="the-morning-letter">The morning letter</h3><p>{PARA}</p>"#
        ));
        assert_in_order(
            &a.text,
            &[
                "insulation.",
                "Was noch fehlt",
                "insulation.",
                "What the neighbours like",
                "insulation.",
                "New duties for local authorities",
                "insulation.",
            ],
        );
        assert_absent(&a, &["Wärme-Newsletter", "morning letter"]);
    }

    /// A chart or a newsletter box between the paragraphs stands apart from the text: a
    /// subheading named as Readability weighs a medium's (Bloomberg's `media-ui-Subheadline`)
    /// just after one is still in the run of the text, and stays; the box goes.
    #[test]
    fn a_negatively_named_subheading_after_a_figure_or_a_box_stays() {
        let a = heat_pumps_article(&format!(
            r#"<div class="body-copy"><p>{PARA}</p><p>{PARA}</p>
<figure class="media-ui-ChartFigure_figure" data-component="chart"><div class="media-ui-ChartFigure_title">Running costs</div><img src="/chart.png" alt="Chart of running costs" width="640" height="400"><figcaption>Source: Energy Saving Trust</figcaption></figure>
<h2 class="media-ui-Subheadline_subheadline-a9Kd0">What the neighbours heard</h2><p>{PARA}</p>
<div class="styles_newsletterInline__Zp2tC" data-component="newsletter-inline"><h3>Get the Green Homes newsletter.</h3><p>The latest on heating, insulation and the grants that pay for them, every week.</p><form><input type="email"><button type="submit">Sign Up</button></form></div>
<h2 class="media-ui-Subheadline_subheadline-a9Kd0">What it costs</h2><p>{PARA}</p></div>"#
        ));
        assert_in_order(
            &a.text,
            &[
                "insulation.",
                "Running costs",
                "What the neighbours heard",
                "insulation.",
                "What it costs",
                "insulation.",
            ],
        );
        assert_absent(&a, &["Green Homes newsletter", "Sign Up"]);
    }

    /// Arc's component names open with `com-` (`com-paragraph`, `com-title`), which
    /// Readability weighs as a comment's: a heading so named between two paragraphs is a
    /// subheading of the story and stays (La Nación's "Ley de alquileres"), and so does a list
    /// of the text's own so named, a heading or a sign-up box after it; one before the text (its
    /// standfirst, `com-subhead --bajada`) still goes, as Readability's headers do.
    #[test]
    fn a_negatively_named_subheading_between_paragraphs_stays() {
        let a = heat_pumps_article(&format!(
            r#"<h2 class="com-subhead --bajada">Installers say the old radiators can stay in most homes</h2><div class="body"><p class="com-paragraph --s">{PARA}</p><p class="com-paragraph --s">{PARA}</p><p class="com-paragraph --s">{PARA}</p><h2 class="com-title --l">What the neighbours heard</h2><p class="com-paragraph --s">{PARA}</p><p class="com-paragraph --s">The works come in three stages:</p><ul class="com-unordered-list"><li class="com-paragraph --s">Lining the loft.</li><li class="com-paragraph --s">Fitting the pump.</li></ul><h2 class="com-title --l">What it costs</h2><p class="com-paragraph --s">{PARA}</p><p class="com-paragraph --s">Two checks come first:</p><ul class="com-unordered-list"><li class="com-paragraph --s">Reading the meter.</li><li class="com-paragraph --s">Bleeding the radiators.</li></ul><div class="mod-newsletter --inline"><p class="com-title --s">Newsletter Heat at home</p><p class="com-paragraph --xs">The week's tips in your inbox every Friday.</p><a class="com-button" href="/newsletters/">Sign me up</a></div><p class="com-paragraph --s">{PARA}</p></div>"#
        ));
        assert_in_order(
            &a.text,
            &[
                "insulation.",
                "What the neighbours heard",
                "insulation.",
                "three stages:",
                "Lining the loft.",
                "Fitting the pump.",
                "What it costs",
                "insulation.",
                "Two checks come first:",
                "Reading the meter.",
                "Bleeding the radiators.",
                "insulation.",
            ],
        );
        assert_absent(&a, &["old radiators can stay", "Heat at home"]);
        // Paragraphs named as furniture (Bloomberg's `paywall`) but kept still make a run.
        let a = heat_pumps_article(&format!(
            r#"<div class="body"><p class="paywall">{PARA} {PARA} {PARA}</p><p class="paywall">{PARA} {PARA} {PARA}</p><p class="paywall">{PARA} {PARA} The works come in two stages:</p><ul class="media-ui-UnorderedList_list"><li>Lining the loft and the cold north wall.</li><li>Fitting the pump beside the back door.</li></ul><p class="paywall">{PARA} {PARA} {PARA}</p><p class="paywall">{PARA} {PARA} {PARA}</p><p class="paywall">{PARA} {PARA} {PARA}</p></div>"#
        ));
        assert_in_order(
            &a.text,
            &[
                "two stages:",
                "Lining the loft",
                "Fitting the pump",
                "insulation.",
            ],
        );
    }

    /// A sponsor's line set over the story (CSS-Tricks' `article-sponsor`) goes.
    #[test]
    fn a_sponsors_line_goes() {
        heat_pumps_without(
            &format!(
                r#"<div class="article-sponsor"><p><strong>CloudCo</strong> provides cloud products for every stage of your journey. Get started with <a href="https://cloud.example/?ref=1">$200 in free credit!</a></p></div><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p>"#
            ),
            3,
            &["CloudCo", "free credit"],
        );
    }

    /// A readers' poll in the story (its buttons vote, which the view cannot) goes; a table
    /// of polling figures the story reports stays.
    #[test]
    fn readers_polls_go() {
        let a = heat_pumps_without(
            &format!(
                r#"<p>{PARA}</p><p>{PARA}</p><div class="_3Mkg-" data-widget="poll"><div class="_1xEgz">Poll</div><div class="_2lJnH">Would you fit a heat pump in an old house?</div><ul><li role="button">Yes, gladly</li><li role="button">Not yet</li></ul></div><p>{PARA}</p>
<div class="wp-polls"><form><p><strong>Which radiator do you have?</strong></p><ul class="wp-polls-ul"><li><input type="radio" name="r"><label>Cast iron</label></li></ul><input type="button" value="Vote"></form></div>
<table class="polling-averages"><tr><th>Party</th><th>Share</th></tr><tr><td>Greens</td><td>14%</td></tr></table>"#
            ),
            3,
            &[
                "Would you fit",
                "Yes, gladly",
                "Which radiator",
                "Cast iron",
            ],
        );
        assert!(a.text.contains("Greens"), "{}", a.text);
    }

    /// The article about heat pumps holding `inner`, its `paragraphs` paragraphs all kept and
    /// none of `gone` left in it.
    fn heat_pumps_without(inner: &str, paragraphs: usize, gone: &[&str]) -> quietpage::Article {
        let a = heat_pumps_article(inner);
        let kept = a.text.matches("low flow temperature").count();
        assert_eq!(kept, paragraphs, "{}", a.text);
        assert_absent(&a, gone);
        a
    }

    /// An article about heat pumps holding `inner` after its heading.
    fn heat_pumps_article(inner: &str) -> quietpage::Article {
        let html = format!(
            r#"<!doctype html><html lang="en"><head><title>Heat pumps in old houses</title></head><body>
<article><h1>Heat pumps in old houses</h1>{inner}</article></body></html>"#
        );
        extract_ok(&html, "https://heating.example/heat-pumps")
    }

    /// Affiliate and advertising notices are the site speaking about its business, above or
    /// below the article: "We may earn a commission", "the disclaimer below does not apply".
    #[test]
    fn disclosures_and_disclaimers_go() {
        let a = heat_pumps_without(
            &format!(
                r#"
<section class="editorial-disclosure"><p>This post contains references to products from our advertisers. We may receive compensation when you click on links to those products.</p></section>
<div class="Downloads__Affiliate"><p>For links on this page we may earn a commission from the seller.</p></div>
<p>{PARA}</p><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p>
<div class="editorial-disclaimer"><p>NOTE: The advertising disclaimer below does not apply to this article.</p></div>"#
            ),
            4,
            &["references to products", "earn a commission", "NOTE:"],
        );
        assert!(a.removed.ads >= 3, "{:?}", a.removed);
    }

    /// Notices a site must set beside the text, named nothing: Amazon's lines (the
    /// programme's runs past a call to action's length), an affiliate programme's, and an
    /// embed's consent switch left where the embed was. A sentence about affiliates stays.
    #[test]
    fn affiliate_programme_and_consent_notices_go() {
        heat_pumps_without(
            &format!(
                r#"<p>{PARA}</p><p>As an Amazon Associate I earn from qualifying purchases.</p><p>{PARA}</p>
<p>Heat Pump Weekly is a participant in the Amazon Services LLC Associates Program, an affiliate advertising program designed to provide a means for sites to earn advertising fees by advertising and linking to amazon.com.</p>
<p>{PARA}</p>
<div class="embed"><p>Ich bin damit einverstanden, dass mir externe Inhalte angezeigt werden. Damit können personenbezogene Daten an Drittplattformen (Google Ireland Limited) übermittelt werden. Mehr dazu in unserer Datenschutzerklärung.</p></div>
<p><em>Heat Pump Weekly participates in affiliate link advertising programs.</em></p><p>{PARA}</p>"#
            ),
            4,
            &[
                "Amazon",
                "affiliate advertising",
                "einverstanden",
                "participates in",
            ],
        );
        let a = heat_pumps_article(&format!(
            "<p>{PARA}</p><p>The installer is an affiliate of the energy company, the council \
             said.</p><p>{PARA}</p>"
        ));
        assert_present(&a, &["an affiliate of the energy company"]);
    }

    /// A "tout" is the publisher's advert for its other products, set inside the article
    /// ("Before it's here, it's on the Bloomberg Terminal. LEARN MORE").
    #[test]
    fn touts_for_the_publishers_products_go() {
        let a = heat_pumps_without(
            &format!(
                r#"<p>{PARA}</p><p>{PARA}</p><p>{PARA}</p>
<div class="terminal-tout"><span class="terminal-tout__text">Before it's here, it's on our data terminal.</span> <a href="/terminal" class="terminal-tout__link">LEARN MORE</a></div>"#
            ),
            3,
            &["LEARN MORE"],
        );
        assert!(a.removed.ads >= 1, "{:?}", a.removed);
    }

    /// Themes glue the word to what follows (`relatedposts`, `relatedlinks`), and such a
    /// block's heading has no links of its own to give it away.
    #[test]
    fn related_blocks_named_as_one_word_go() {
        heat_pumps_without(
            &format!(
                r#"<p>{PARA}</p><p>{PARA}</p><p>{PARA}</p>
<section class="relatedlinks block"><h2 class="headline"><span>Discover now</span></h2>
<ul><li><a href="/a">Solar panels on listed buildings</a></li></ul></section>
<div id="jp-relatedposts"><h3>Similar posts</h3></div>"#
            ),
            3,
            &["Discover now", "Solar panels", "Similar posts"],
        );
    }

    /// The box about the author after the article is the site's page about its writer; a
    /// byline line that says it has no such box (`hasnt-bio`) is still the byline.
    #[test]
    fn author_biographies_go_but_not_the_byline() {
        let a = heat_pumps_without(
            &format!(
                r#"
<div class="pb-sig-line hasnt-headshot hasnt-bio"><span class="pb-byline">By <a href="/people/jo" rel="author">Jo Example</a></span></div>
<p>{PARA}</p><p>{PARA}</p><p>{PARA}</p>
<div class="author-bio"><h3>About Jo</h3><p>Jo Example covers energy for the paper and has written two books about old houses.</p></div>"#
            ),
            3,
            &["two books"],
        );
        assert_eq!(a.byline.as_deref(), Some("Jo Example"));
    }

    /// A region labelled for screen readers as one about the authors, with no heading or
    /// name to say so (USA Today's biographies under the story), is their box.
    #[test]
    fn a_region_labelled_about_the_authors_goes() {
        heat_pumps_without(
            &format!(
                r#"
<p>{PARA}</p><p>{PARA}</p><p>{PARA}</p>
<div class="gnt_ar_ab" aria-label="About the authors"><p class="gnt_ar_ab_p"><a href="/staff/26/dana-whitcomb/">Dana Whitcomb</a> covers energy and housing for the paper from Denver. <a href="/staff/27/marcus-lee/">Marcus Lee</a> is a national correspondent based in Salt Lake City.</p></div>
<nav aria-label="Share"><a href="/share">Share</a></nav>"#
            ),
            3,
            &["covers energy and housing", "national correspondent"],
        );
    }

    /// A control's hint, shown on hover (`role="tooltip"`), hints at a button the view does
    /// not have; one over a word in a sentence would break the sentence.
    #[test]
    fn tooltips_go() {
        heat_pumps_without(
            &format!(
                r#"
<div class="tools"><button type="button">Save</button><div class="t1" role="tooltip"><p>Log in, register or subscribe to save articles for later.</p></div></div>
<p>{PARA}</p><p>{PARA}</p>
<p>{PARA} Ask about the <span class="term">COP<span role="tooltip">coefficient of performance</span></span> first.</p>"#
            ),
            3,
            &["save articles for later", "coefficient of performance"],
        );
    }

    /// A box marked as the author's under a heading that names them ("About Rachel
    /// Dunmore", a WordPress theme's author box after the post) is their biography.
    #[test]
    fn an_author_box_headed_with_their_name_goes() {
        heat_pumps_without(
            &format!(
                r#"
<p>{PARA}</p><p>{PARA}</p><p>{PARA}</p>
<section class="author-box" itemprop="author" itemscope><img src="/avatar.jpg" alt="" width="100" height="100">
<h4 class="author-box-title">About <span itemprop="name">Rachel Dunmore</span></h4>
<div class="author-box-content"><p>Hi, I'm Rachel! I'm a former line cook and mom of three in Vermont, sharing simple recipes that get dinner on the table. <a href="/about/">Read more about me here</a>.</p></div></section>"#
            ),
            3,
            &["About Rachel", "former line cook"],
        );
    }

    /// An author's box after the story whose name and biography went leaves no portrait
    /// behind (The Japan Times' `author-box`: a picture, then the name and a `bio`).
    #[test]
    fn an_author_box_leaves_no_portrait_behind() {
        let a = heat_pumps_without(
            &format!(
                r#"
<p>{PARA}</p><p>{PARA}</p><p>{PARA}</p>
<div class="author-box"><img src="/authors/rachel-dunmore.jpg" alt="" width="80" height="80" loading="lazy">
<div class="author-box-info"><a class="author-box-name" href="/author/rachel-dunmore/">Rachel Dunmore</a>
<p class="author-box-bio">Rachel Dunmore is a staff writer covering energy and housing. She joined the paper in 2019.</p></div></div>"#
            ),
            3,
            &["staff writer covering"],
        );
        assert!(
            !a.content_html.contains("rachel-dunmore.jpg"),
            "{}",
            a.content_html
        );
    }

    /// Sites whose classes are hashed name the byline and the authors' profiles in a data
    /// attribute alone; a profile headed by an author's name alone, as the byline gave it,
    /// is their biography.
    #[test]
    fn a_profile_headed_by_the_bylines_name_goes() {
        let a = heat_pumps_without(
            &format!(
                r#"
<div class="_3lq-B" data-testid="byline"><span class="_2Gf2l">By <a class="_2lKGi" href="/by/lucy-carrington-p537ka" rel="author">Lucy Carrington</a> and <a class="_2lKGi" href="/by/tom-whitfield-p53c2m" rel="author">Tom Whitfield</a></span></div>
<p>{PARA}</p><p>{PARA}</p><p>{PARA}</p>
<section class="_1hrY6" data-testid="author-profile"><div class="_2yqkN"><img class="_3ZC3W" src="/lucy.jpg" alt="Lucy Carrington" width="80" height="80">
<div><h3 class="_3aG1G"><a href="/by/lucy-carrington-p537ka">Lucy Carrington</a></h3><p class="_3jNbS">Lucy Carrington is the urban affairs reporter, covering planning, development and local government.</p><p class="_1TdaY">Connect via <a href="mailto:lc@example.com">email</a>.</p></div></div></section>"#
            ),
            3,
            &["urban affairs", "Connect via"],
        );
        assert_eq!(
            a.byline.as_deref(),
            Some("Lucy Carrington and Tom Whitfield")
        );
    }

    /// An author's box with their portrait, led by their name as a link rather than a
    /// heading (Aftonbladet's), goes when its text names them again, as a biography does; the
    /// author's own note with their portrait, set in the story, names no one and stays.
    #[test]
    fn an_author_box_led_by_the_name_and_naming_them_again_goes() {
        let author_box = |bio: &str| {
            format!(
                r#"
<div class="byline"><span>By <a href="/av/linnea-holmberg" rel="author">Linnea Holmberg</a></span></div>
<p>{PARA}</p><p>{PARA}</p><p>{PARA}</p>
<div class="hyperion-css-author-box"><img src="/linnea.jpg" alt="" width="80" height="80">
<div><a class="hyperion-css-author-box-name" href="/av/linnea-holmberg">Linnea Holmberg</a>
<p class="hyperion-css-author-box-text">{bio}</p>
<button type="button" class="hyperion-css-follow">Följ skribent</button></div></div>"#
            )
        };
        heat_pumps_without(
            &author_box(
                "Linnea Holmberg är reporter på nyhetsredaktionen och bevakar vård och \
                 privatekonomi.",
            ),
            3,
            &["är reporter", "Följ skribent"],
        );
        let note = "My own heat pump took two winters to pay for itself, and the neighbours \
                    still ask me how loud it is when the frost comes.";
        let a = heat_pumps_article(&author_box(note));
        assert!(a.text.contains("took two winters"), "{}", a.text);
    }

    /// "By" in a span of its own beside the name's runs into it in the text ("ByAlex
    /// Bozarjian"); the byline is the name.
    #[test]
    fn a_byline_named_in_a_data_attribute_is_read() {
        let a = heat_pumps_without(
            &format!(
                r#"
<div class="QHbl nkdH" data-testid="prism-byline"><div class="VZTD"><span class="TQPv">By</span><span><a class="zZyg" href="/about/newsteam/alex-bozarjian">Alex Bozarjian</a></span></div></div>
<p>{PARA}</p><p>{PARA}</p><p>{PARA}</p>"#
            ),
            3,
            &["Bozarjian"],
        );
        assert_eq!(a.byline.as_deref(), Some("Alex Bozarjian"));
    }

    /// "Was this article useful?", its stars and a like button ask the reader to act; they
    /// say nothing.
    #[test]
    fn rating_and_like_widgets_go() {
        heat_pumps_without(
            &format!(
                r#"<p>{PARA}</p><p>{PARA}</p><p>{PARA}</p>
<span id="post-ratings-4373" class="post-ratings"><strong>Was this article useful?</strong><br>
<img src="/star.gif" alt="1 star"> (95 votes: 4.73 out of 5)</span>
<div class="wprm-recipe-rating">3.65 from 1990 ratings</div>
<div class="sharedaddy sd-block sd-like jetpack-likes-widget-wrapper"><h3 class="sd-title">Like this:</h3>
<div class="likes-widget-placeholder"><span class="button"><span>Like</span></span> <span class="loading">Loading...</span></div></div>"#
            ),
            3,
            &["useful", "votes", "1990", "Like", "Loading"],
        );
    }
}

mod standfirst {
    use super::*;

    const PARA: &str = "The council said the new lanes would be finished before the summer, and that buses would keep their stops on both sides of the road while the work goes on.";

    fn page(header_extra: &str) -> String {
        let body: String = (0..6).map(|i| format!("<p>{PARA} ({i})</p>")).collect();
        format!(
            r#"<!doctype html><html lang="en"><head><title>Cycle lanes approved | The Gazette</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<main><article>
<header class="top">
<h1>Cycle lanes approved</h1>
<p class="intro">Councillors backed the scheme by nine votes to four. Work on Station Road starts in September.</p>
<div class="byline"><img class="avatar" src="/staff/mira.jpg" width="48" height="48" alt=""><span>By Mira Shah</span> <time datetime="2024-03-14">14 March 2024</time></div>
{header_extra}
</header>
<div class="story">{body}</div>
</article></main>
<footer>All rights reserved.</footer></body></html>"#
        )
    }

    /// News pages set the standfirst in the article's header, apart from the body: it is the
    /// story's first paragraph for the reader.
    #[test]
    fn the_standfirst_under_the_title_leads_the_article() {
        let a = extract_ok(&page(""), "https://gazette.example/news/cycle-lanes");
        let lead = "Councillors backed the scheme by nine votes to four.";
        assert!(a.text.starts_with(lead), "{}", a.text);
        assert_eq!(a.text.matches(lead).count(), 1, "{}", a.text);
        assert!(a.text.contains("(5)"), "{}", a.text);
        assert!(!a.text.contains("By Mira Shah"), "{}", a.text);
    }

    /// A header named as a page's is (`class="header"`, left out of the scoring as unlikely)
    /// still holds the story's standfirst, inline words and all; its meta line (the byline
    /// and a disclosure) and its share bar stay out.
    #[test]
    fn the_standfirst_in_a_header_named_like_a_page_header_leads_the_article() {
        let body: String = (0..6).map(|i| format!("<p>{PARA} ({i})</p>")).collect();
        let html = format!(
            r#"<!doctype html><html lang="en"><head><title>Cycle lanes approved | The Gazette</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<main><article>
<div class="article-header"><header class="header">
<h1>Cycle lanes approved</h1>
<p class="intro">Councillors backed the scheme by <em>nine</em> votes to four. Work on Station Road starts in September.</p>
<p class="entry-meta">By <span class="entry-author">Mira Shah</span> on <time datetime="2024-03-14">14 March 2024</time>. This post may contain affiliate links to the shops we mention.</p>
<div class="share-bar"><a href="https://x.com/intent/tweet">Share on X</a></div>
</header></div>
<div class="article-body"><div class="story">{body}</div></div>
</article></main>
<footer>All rights reserved.</footer></body></html>"#
        );
        let a = extract_ok(&html, "https://gazette.example/news/cycle-lanes");
        let lead = "Councillors backed the scheme by nine votes to four.";
        assert!(a.text.starts_with(lead), "{}", a.text);
        assert!(a.text.contains("(5)"), "{}", a.text);
        for absent in ["Mira Shah", "affiliate links", "Share on X"] {
            assert!(!a.text.contains(absent), "{absent}: {}", a.text);
        }
    }

    /// A kicker before the title in the heading ("Station Road: …") still marks where the
    /// header's standfirst is.
    #[test]
    fn a_heading_with_a_kicker_still_heads_the_standfirst() {
        let html = page("").replace(
            "<h1>Cycle lanes approved</h1>",
            "<h1><span>Station Road</span>: Cycle lanes approved by the council</h1>",
        );
        let html = html.replace(
            "<title>Cycle lanes approved | The Gazette</title>",
            "<title>Cycle lanes approved by the council</title>",
        );
        let a = extract_ok(&html, "https://gazette.example/news/cycle-lanes");
        assert!(a.text.starts_with("Councillors backed"), "{}", a.text);
    }

    /// A kicker over the headline, set apart from it (`<p class="…overline">`) and written
    /// before it in the meta title ("Station Road: Cycle lanes approved"): the title is the
    /// headline the page shows, and the label goes from the text.
    #[test]
    fn a_kicker_over_the_headline_is_neither_title_nor_text() {
        let body: String = (0..6).map(|i| format!("<p>{PARA} ({i})</p>")).collect();
        let html = format!(
            r#"<!doctype html><html lang="en"><head><title>Station Road: Cycle lanes approved | The Gazette</title>
<meta property="og:title" content="Station Road: Cycle lanes approved">
<meta property="article:published_time" content="2024-03-14T10:00:00+01:00"></head><body>
<main><article>
<header class="article-header">
<div class="article-header__meta"><time datetime="2024-03-14T10:00:00+01:00">14 March 2024, 10:00</time></div>
<p class="article-header__overline"><span class="section">Transport</span> <span class="article-header__kicker">Station Road</span></p>
<h1>Cycle lanes approved</h1>
<p class="intro">Councillors backed the scheme by nine votes to four. Work on Station Road starts in September.</p>
</header>
<div class="story">{body}</div>
</article></main></body></html>"#
        );
        let a = extract_ok(&html, "https://gazette.example/news/cycle-lanes");
        assert_eq!(a.title.as_deref(), Some("Cycle lanes approved"));
        // (The standfirst names the road too.)
        assert!(a.text.starts_with("Councillors backed"), "{}", a.text);
        // A headline the page shows whole keeps its colon.
        let html = page("")
            .replace(
                "<h1>Cycle lanes approved</h1>",
                "<h1>Station Road: Cycle lanes approved</h1>",
            )
            .replace(
                "<title>Cycle lanes approved | The Gazette</title>",
                "<title>Station Road: Cycle lanes approved | The Gazette</title>",
            );
        let a = extract_ok(&html, "https://gazette.example/news/cycle-lanes");
        assert_eq!(
            a.title.as_deref(),
            Some("Station Road: Cycle lanes approved")
        );
    }

    /// A line of labels over the headline, its section's link and the story's topic beside
    /// it, goes whole; a line that names the author over the headline is still the byline.
    #[test]
    fn a_section_and_topic_line_over_the_headline_goes() {
        let body: String = (0..6).map(|i| format!("<p>{PARA} ({i})</p>")).collect();
        let html = format!(
            r#"<!doctype html><html lang="en"><head><title>Cycle lanes approved | The Gazette</title></head><body>
<main><article class="article-detail">
<div class="article-header">
<div class="article-header-top"><a class="article-section-name" href="/local">Local</a> <span class="article-topic">Roadworks in the centre</span></div>
<h1 class="title">Cycle lanes approved</h1>
<h2 class="epigraph">Councillors backed the scheme by nine votes to four, and work starts in September.</h2>
</div>
<div class="article-body">{body}</div>
</article></main></body></html>"#
        );
        let a = extract_ok(&html, "https://gazette.example/news/cycle-lanes");
        assert!(a.text.starts_with("Councillors backed"), "{}", a.text);
        assert_absent(&a, &["Roadworks in the centre"]);

        let html = page("")
            .replace(
                "<h1>Cycle lanes approved</h1>",
                r#"<div class="top-line"><a href="/staff/ann-lee/" rel="author">Ann Lee</a> <span>in Leeds</span></div>
<h1>Cycle lanes approved</h1>"#,
            )
            .replace("<span>By Mira Shah</span>", "");
        let a = extract_ok(&html, "https://gazette.example/news/cycle-lanes");
        assert_eq!(a.byline.as_deref(), Some("Ann Lee"));
    }

    /// What else a header holds is no standfirst: a picture's caption, wherever the page put
    /// it, and the author's biography.
    #[test]
    fn captions_and_author_boxes_in_the_header_stay_out() {
        let extra = r#"<div class="hero"><div class="image"><img src="/img/lanes.jpg" alt=""></div>
<p class="credit"><small>The planned lanes on Station Road, looking north towards the station. (Photo: Council)</small></p></div>
<div class="author-box"><p>Mira Shah has covered transport and planning for the Gazette since 2015, after ten years at the county paper.</p></div>"#;
        let a = extract_ok(&page(extra), "https://gazette.example/news/cycle-lanes");
        assert!(a.text.starts_with("Councillors backed"), "{}", a.text);
        for absent in ["looking north towards the station", "has covered transport"] {
            assert!(!a.text.contains(absent), "{absent}: {}", a.text);
        }
    }

    /// A blog theme that sets the standfirst as a heading in the body, straight before the
    /// first subheading: a sentence is no label left over from a removed section. A short
    /// heading with nothing under it still goes.
    #[test]
    fn a_standfirst_set_as_a_heading_before_a_subheading_stays() {
        let body: String = (0..6).map(|i| format!("<p>{PARA} ({i})</p>")).collect();
        let html = format!(
            "<html><head><title>Cycle lanes approved</title></head><body><article>\
             <h1>Cycle lanes approved</h1><div class=\"entry\">\
             <h4><span>Mira Shah rides the planned route along Station Road with the councillors \
             who voted for it, and the shopkeepers who did not.</span></h4>\
             <h4><span>Nine votes to four</span></h4>{body}\
             <h3>Related stories</h3></div></article></body></html>"
        );
        let a = extract_ok(&html, "https://gazette.example/news/cycle-lanes");
        assert!(
            a.text.contains("Mira Shah rides the planned route"),
            "{}",
            a.text
        );
        assert!(a.text.contains("Nine votes to four"), "{}", a.text);
        assert!(!a.text.contains("Related stories"), "{}", a.text);
    }

    /// The story's summary in points, set between the header and the body in the body's
    /// column (CNBC's "Key Points"), comes before the body with its heading; a list of
    /// facts that are no sentences, in the same place, stays out.
    #[test]
    fn a_summary_in_points_before_the_body_leads_the_article() {
        let page = |points: &str| {
            let body: String = (0..6).map(|i| format!("<p>{PARA} ({i})</p>")).collect();
            format!(
                r#"<!doctype html><html lang="en"><head><title>Cycle lanes approved | The Gazette</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<div class="row"><div class="col-12"><div class="ArticleHeader"><h1>Cycle lanes approved</h1>
<span class="author">By Mira Shah</span> <time datetime="2024-03-14">14 March 2024</time></div></div></div>
<div class="row"><div class="col-9"><div class="ArticleBody-wrapper">
<div class="KeyPoints"><h2>Key Points</h2><div class="group"><ul>{points}</ul></div></div>
<div class="ArticleBody">{body}</div>
</div></div><div class="col-3"><a href="/most-read">Most read</a></div></div>
<footer>All rights reserved.</footer></body></html>"#
            )
        };
        let summary = "<li>Councillors backed the cycle lanes on Station Road by nine votes to \
                       four on Tuesday night.</li><li>Work starts in September and buses keep \
                       their stops on both sides of the road.</li>";
        let a = extract_ok(&page(summary), "https://gazette.example/news/cycle-lanes");
        assert_in_order(
            &a.text,
            &[
                "Key Points",
                "Councillors backed",
                "buses keep their stops",
                "(0)",
                "(5)",
            ],
        );
        let facts = "<li>Length of the new lanes: 2.4 kilometres of Station Road</li><li>Cost \
                     to the council: 1.8 million pounds over two years</li>";
        let a = extract_ok(&page(facts), "https://gazette.example/news/cycle-lanes");
        assert_absent(&a, &["Key Points", "Length of the new lanes"]);
        assert!(a.text.contains("(5)"), "{}", a.text);
    }
}

mod figure_images {
    use super::*;

    const PARA: &str = "The storm left the avenues coated in slush and rock salt, and the crews who keep the pipes running worked through the night to stop the mains from freezing.";

    /// Captions hidden from screen readers, whose pictures' `alt` says the same (Le
    /// Monde's `<figcaption aria-hidden="true">`, the New York Times' `<span
    /// aria-hidden="true">` in its figcaption), are still what a sighted reader sees.
    #[test]
    fn captions_hidden_from_screen_readers_are_shown() {
        let a = ferry_story(
            "<figure><img src=\"/pier.jpg\" alt=\"The pier at dawn\">\
             <figcaption aria-hidden=\"true\">Crews repair the pier at dawn on Monday.\
             </figcaption></figure>",
            "<figure><img src=\"/quay.jpg\" alt=\"The quay\"><figcaption>\
             <span aria-hidden=\"true\">The quay after the storm.</span></figcaption></figure>\
             <p>Boats wait <span aria-hidden=\"true\">•</span> in the bay.</p>",
        );
        assert_present(
            &a,
            &[
                "Crews repair the pier at dawn on Monday.",
                "The quay after the storm.",
            ],
        );
        // Elsewhere such text is decoration.
        assert!(!a.text.contains('•'), "{}", a.text);
    }

    /// A caption named after the rail of pictures it sits in (`duet--media--caption`, a
    /// name Readability counts against a block) is still the picture's caption; its credit
    /// line, and a share link over the picture, are not.
    #[test]
    fn a_caption_named_after_its_media_rail_is_shown() {
        let a = ferry_story(
            "<figure class=\"duet--media--content-figure\"><span><img src=\"/pier.jpg\" alt=\"\"></span>\
             <div class=\"duet--media--caption\"><span>Crews repair the pier at dawn on Monday.</span> \
             <span>Image: Harbour Authority</span></div>\
             <div class=\"media-share\"><a href=\"/share?u=pier\">Pin it</a></div></figure>",
            "",
        );
        assert_present(&a, &["Crews repair the pier at dawn on Monday."]);
        for absent in ["Harbour Authority", "Pin it"] {
            assert!(!a.text.contains(absent), "{absent}: {}", a.text);
        }
    }

    /// An offer to buy the picture or license it, set under it as a link (the USA Today
    /// network's "Buy Photo", a news agency's "Purchase Licensing Rights"), goes, with the
    /// note for screen readers on where it leads; the caption stays.
    #[test]
    fn an_offer_to_buy_the_picture_goes() {
        let figure = |label: &str| {
            format!(
                "<figure><img src=\"/pier.jpg\" alt=\"\"><figcaption>Crews repair the pier \
                 at dawn on Monday.</figcaption><a href=\"https://photos.example/buy?id=1\" \
                 class=\"licensing\">{label}</a></figure>"
            )
        };
        for label in [
            "Buy Photo",
            "Purchase Licensing Rights<span class=\"visually-hidden\">, opens new tab</span>",
        ] {
            let a = ferry_story("<p>The pier closed in March.</p>", &figure(label));
            assert_present(&a, &["Crews repair the pier at dawn on Monday."]);
            assert_absent(&a, &["Buy Photo", "Licensing", "opens new tab"]);
        }
    }

    /// A box of one picture and its caption, named as a widget (Euronews' `widget
    /// widget--type-image`, a name Readability counts against a block), is that picture
    /// and its caption, not furniture.
    #[test]
    fn a_picture_box_named_as_a_widget_keeps_its_caption() {
        let a = ferry_story(
            "<div class=\"widget widget--type-image\"><figure class=\"widget__figure\">\
             <img src=\"/pier.jpg\" alt=\"The pier\"><figcaption class=\"widget__caption\">\
             Crews repair the pier at dawn on Monday.</figcaption></figure></div>",
            "",
        );
        assert_present(&a, &["Crews repair the pier at dawn on Monday."]);
        assert!(a.content_html.contains("/pier.jpg"), "{}", a.content_html);
    }

    /// A picture set without a `<figure>`, its caption in a box named for its place under
    /// the picture (CNN's `image__metadata`, a name Readability counts against a block), keeps
    /// that caption; so does a `<figcaption>` named the figure's footer (the Corriere della
    /// Sera's `media-news__footer`), which is no page footer.
    #[test]
    fn a_caption_named_for_its_place_under_the_picture_is_shown() {
        let a = ferry_story(
            "<div class=\"image\"><div class=\"image__container\"><picture><img \
             src=\"/pier.jpg\" alt=\"\"></picture></div><div class=\"image__metadata\">\
             <div itemprop=\"caption\" class=\"image__caption\"><span>Crews repair the pier \
             at dawn on Monday.</span></div></div></div>",
            "<figure class=\"media-news\"><img src=\"/quay.jpg\" alt=\"\">\
             <figcaption class=\"media-news__footer\"><p>The quay after the storm.</p>\
             </figcaption></figure>",
        );
        assert_present(
            &a,
            &[
                "Crews repair the pier at dawn on Monday.",
                "The quay after the storm.",
            ],
        );
    }

    /// A box under a picture that holds no caption stays furniture by its name: a promotion's
    /// line under its picture is no caption.
    #[test]
    fn a_box_under_a_picture_without_a_caption_goes_by_its_name() {
        let a = ferry_story(
            "",
            "<div class=\"widget__image\"><img src=\"/draw.jpg\" alt=\"\"></div>\
             <div class=\"widget__blurb\"><p>Win a weekend for two on the islands in our \
             summer draw.</p></div>",
        );
        assert!(!a.text.contains("summer draw"), "{}", a.text);
    }

    /// A photographer's post: pictures and one line crediting the series. It is read as
    /// those pictures, not cleaned away as a gallery (its wrapper is even named for a
    /// sidebar), and not traded for the site search's "nothing found" line.
    #[test]
    fn a_post_of_pictures_and_a_line_is_those_pictures() {
        let figures: String = (1..=6)
            .map(|n| format!("<figure class=\"wp-block-image\"><img src=\"/uploads/lights-{n}.jpg\" alt=\"\"></figure>\n"))
            .collect();
        let html = format!(
            r#"<!doctype html><html lang="en"><head><title>Harbour lights</title></head><body>
<div id="site-search" class="search-wrap"><div class="empty-msg -hide"><p>Sorry, we didn't find anything.</p></div></div>
<main class="site-main"><div class="-align-sidebar-to-none"><div id="post-content">
{figures}<p>‘Harbour lights’ series by <strong><a href="https://ada.example/">Ada Lind</a></strong></p>
</div></div></main></body></html>"#
        );
        let a = extract_ok(&html, "https://photos.example/2020/05/harbour-lights/");
        assert_eq!(
            a.text, "‘Harbour lights’ series by Ada Lind",
            "{}",
            a.content_html
        );
        assert_eq!(
            a.content_html.matches("<img").count(),
            6,
            "{}",
            a.content_html
        );
    }

    /// News sites that load pictures by script leave a figure with no `<img>`, naming its
    /// picture only in an attribute (schema.org's `itemid`, a lazy loader's `data-srcset`).
    #[test]
    fn a_figure_that_names_its_picture_shows_it_above_the_caption() {
        let html = format!(
            r#"<!doctype html><html lang="en"><head><title>Winter pipes</title></head><body><article><h1>Winter pipes</h1>
<p>{PARA}</p>
<figure itemid="https://static.news.example/images/2019/02/pipes-articleLarge.jpg?quality=90&amp;auto=webp" itemtype="http://schema.org/ImageObject"><div data-testid="lazyimage-container"></div><figcaption>A crew at work on Grand Street.</figcaption></figure>
<p>{PARA}</p>
<figure data-srcset="/img/salt-600.webp 600w, /img/salt-1200.webp 1200w"><figcaption>Rock salt by the ton.</figcaption></figure>
<figure itemid="https://static.news.example/other.jpg"><img src="/img/real.jpg" alt="The real picture"><figcaption>It has its own.</figcaption></figure>
<figure data-note="no picture here"><figcaption>A caption alone.</figcaption></figure>
<figure data-src="javascript:alert(1)//x.jpg"><figcaption>A script.</figcaption></figure>
<p>{PARA}</p>
</article></body></html>"#
        );
        let a = extract_ok(&html, "https://news.example/2019/winter-pipes");
        let html = &a.content_html;
        assert!(
            html.contains(r#"<figure><img src="https://static.news.example/images/2019/02/pipes-articleLarge.jpg?quality=90&amp;auto=webp"><figcaption>A crew at work on Grand Street.</figcaption></figure>"#),
            "{html}"
        );
        assert!(
            html.contains(r#"<figure><img src="https://news.example/img/salt-1200.webp" srcset="https://news.example/img/salt-600.webp 600w, https://news.example/img/salt-1200.webp 1200w"><figcaption>"#),
            "{html}"
        );
        assert!(
            !html.contains("other.jpg"),
            "a figure with its own image got a second"
        );
        assert!(html.contains("<figure><figcaption>A caption alone.</figcaption></figure>"));
        assert!(!html.contains("javascript"), "{html}");
        let no_images = extract_with(&html_page_for_options(), false);
        assert!(!no_images.contains("<img"), "{no_images}");
    }

    fn html_page_for_options() -> String {
        format!(
            r#"<html><body><article><h1>T</h1><p>{PARA}</p><figure itemid="https://static.news.example/a.jpg"><figcaption>c</figcaption></figure><p>{PARA}</p><p>{PARA}</p></article></body></html>"#
        )
    }

    fn extract_with(html: &str, keep_images: bool) -> String {
        let options = quietpage::Options {
            keep_images,
            ..quietpage::Options::default()
        };
        quietpage::extract(html, Some("https://news.example/a"), &options)
            .expect("an article")
            .content_html
    }
}

mod inline_formatting {
    use super::*;

    const PARA: &str = "The committee met for the third time this spring, and this time the minutes record a vote, a dissent and a promise to publish the full figures before the summer.";

    #[test]
    fn emphasis_scripts_and_other_phrasing_survive_extraction() {
        let html = format!(
            r##"<!doctype html><html lang="en"><head><title>Minutes</title></head><body><article><h1>Minutes</h1>
<p>{PARA}</p>
<p>It was <em>not</em> unanimous: the <strong>final</strong> vote was <b>7</b> to <i>2</i>, with <u>one</u> abstention.
Water is H<sub>2</sub>O and the area grows as r<sup>2</sup>.<sup id="r1"><a href="#n1">[1]</a></sup>
The <abbr title="Water Board">WB</abbr> said <q>enough</q>; <del>Tuesday</del> <ins>Wednesday</ins>, <mark>noted</mark>,
<small>in brief</small>, press <kbd>Ctrl</kbd>, set <var>n</var>, <samp>ok</samp>, <cite>The Report</cite>, <dfn>quorum</dfn>,
<s>struck</s>, <bdi>إيان</bdi>, <ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby>.</p>
<p>{PARA}</p>
<p>{PARA}</p>
</article></body></html>"##
        );
        let a = extract_ok(&html, "https://minutes.example/spring");
        for kept in [
            "<em>not</em>",
            "<strong>final</strong>",
            "<b>7</b>",
            "<i>2</i>",
            "<u>one</u>",
            "H<sub>2</sub>O",
            "r<sup>2</sup>",
            "<abbr title=\"Water Board\">WB</abbr>",
            "<q>enough</q>",
            "<del>Tuesday</del> <ins>Wednesday</ins>",
            "<mark>noted</mark>",
            "<small>in brief</small>",
            "<kbd>Ctrl</kbd>",
            "<var>n</var>",
            "<samp>ok</samp>",
            "<cite>The Report</cite>",
            "<dfn>quorum</dfn>",
            "<s>struck</s>",
            "<bdi>إيان</bdi>",
            "<ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby>",
        ] {
            assert!(
                a.content_html.contains(kept),
                "{kept} lost:\n{}",
                a.content_html
            );
        }
        assert!(
            a.content_html
                .contains("<sup id=\"qp-r1\"><a href=\"#qp-n1\">[1]</a></sup>"),
            "{}",
            a.content_html
        );
    }

    /// Pages set the space between two words in an element of its own (`<i> </i>`, left by
    /// an editor). The empty element goes; the space stays, in the view and every export.
    #[test]
    fn a_space_set_in_an_empty_element_still_parts_the_words() {
        let html = format!(
            r#"<!doctype html><html lang="en"><head><title>Minutes</title></head><body><article><h1>Minutes</h1>
<p>{PARA}</p>
<p>The minutes<i> </i>record<b>&nbsp;</b>a vote, <span><em> </em></span>a dissent and a promise to publish the figures before the summer break.</p>
<p>{PARA}</p>
<p>{PARA}</p>
</article></body></html>"#
        );
        let a = extract_ok(&html, "https://minutes.example/spring");
        let markdown = quietpage::export::to_markdown(&a);
        for (format, out) in [
            ("html", &a.content_html),
            ("text", &a.text),
            ("markdown", &markdown),
        ] {
            assert!(
                out.contains("The minutes record a vote, a dissent"),
                "{format}:\n{out}"
            );
        }
        assert!(!a.content_html.contains("<i>"), "{}", a.content_html);
    }
}

mod maths {
    use super::*;

    const PARA: &str = "The proof is short once the right quantity is named, and the rest of this note walks through it one step at a time, with every step written out in full.";

    /// The three ways pages ship formulas: MathJax 3 (a rendering of glyphs that CSS draws,
    /// with the MathML beside it for screen readers, in a container whose class names its
    /// context menu), KaTeX (MathML with the TeX source, beside an `aria-hidden` rendering
    /// whose spans hold the glyphs as text) and MediaWiki (hidden MathML and an image).
    fn article() -> quietpage::Article {
        let html = format!(
            r#"<!doctype html><html lang="en"><head><title>Roots of a quadratic</title></head><body>
<article><h1>Roots of a quadratic</h1>
<p>{PARA}</p>
<p>When <mjx-container class="MathJax CtxtMenu_Attached_0" jax="CHTML" tabindex="0" ctxtmenu_counter="0"><mjx-math class="MJX-TEX" aria-hidden="true"><mjx-mi class="mjx-i"><mjx-c class="mjx-c1D44E TEX-I"></mjx-c></mjx-mi></mjx-math><mjx-assistive-mml unselectable="on" display="inline"><math xmlns="http://www.w3.org/1998/Math/MathML"><mi>a</mi><mo>&#x2260;</mo><mn>0</mn></math></mjx-assistive-mml></mjx-container>, the roots are</p>
<mjx-container class="MathJax CtxtMenu_Attached_0" jax="CHTML" display="true" tabindex="0" ctxtmenu_counter="1"><mjx-math display="true" class="MJX-TEX" aria-hidden="true"><mjx-mi><mjx-c class="mjx-c1D465 TEX-I"></mjx-c></mjx-mi></mjx-math><mjx-assistive-mml unselectable="on" display="block"><math xmlns="http://www.w3.org/1998/Math/MathML" display="block"><mi>x</mi><mo>=</mo><mfrac><mrow><mo>&#x2212;</mo><mi>b</mi><mo>&#xB1;</mo><msqrt><msup><mi>b</mi><mn>2</mn></msup><mo>&#x2212;</mo><mn>4</mn><mi>a</mi><mi>c</mi></msqrt></mrow><mrow><mn>2</mn><mi>a</mi></mrow></mfrac><mspace width="0.2em"/><mtext>.</mtext></math></mjx-assistive-mml></mjx-container>
<p>{PARA}</p>
<p>The discriminant is <span class="katex"><span class="katex-mathml"><math xmlns="http://www.w3.org/1998/Math/MathML"><semantics><mrow><msup><mi>b</mi><mn>2</mn></msup><mo>&#x2212;</mo><mn>4</mn><mi>a</mi><mi>c</mi></mrow><annotation encoding="application/x-tex">b^2 - 4ac</annotation></semantics></math></span><span class="katex-html" aria-hidden="true"><span class="base"><span class="mord mathnormal">b</span><span class="msupsub"><span class="mord mtight">2</span></span><span class="mbin">&#x2212;</span><span class="mord">4</span><span class="mord mathnormal">ac</span></span></span></span>, and its sign decides.</p>
<p>In the encyclopedia's way: <span class="mwe-math-element"><span class="mwe-math-mathml-inline mwe-math-mathml-a11y" style="display: none;"><math><semantics><mi>&#x394;</mi><annotation encoding="application/x-tex">\Delta</annotation></semantics></math></span><img src="https://maths.example/render/delta.svg" class="mwe-math-fallback-image-inline" aria-hidden="true" alt="\Delta"></span> names it.</p>
<p>{PARA}</p>
<p>{PARA}</p>
</article></body></html>"#
        );
        extract_ok(&html, "https://maths.example/roots")
    }

    #[test]
    fn formulas_reach_the_reader_as_mathml() {
        let a = article();
        let html = &a.content_html;
        assert!(
            html.contains("<math><mi>a</mi><mo>\u{2260}</mo><mn>0</mn></math>"),
            "{html}"
        );
        assert!(
            html.contains(
                "<math display=\"block\"><mi>x</mi><mo>=</mo><mfrac><mrow><mo>\u{2212}</mo><mi>b</mi>"
            ),
            "{html}"
        );
        assert!(html.contains("</msqrt></mrow><mrow><mn>2</mn><mi>a</mi></mrow></mfrac>"));
        // A self-closed element is closed where it opens; HTML has no `/>`.
        assert!(html.contains("<mspace width=\"0.2em\"></mspace><mtext>.</mtext></math>"));
        assert!(html.contains("<semantics><mrow><msup><mi>b</mi><mn>2</mn></msup>"));
        assert!(html.contains(
            "<annotation encoding=\"application/x-tex\">b^2 - 4ac</annotation></semantics></math>"
        ));
        assert!(!html.contains("mjx-") && !html.contains("katex"));
        assert_eq!(a.removed.navigation, 0, "a formula's container is no menu");
    }

    #[test]
    fn text_reads_each_formula_once_token_by_token() {
        let a = article();
        let text = a.text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(text.contains("When a \u{2260} 0, the roots are"), "{text}");
        assert!(
            text.contains("x = \u{2212} b \u{b1} b 2 \u{2212} 4 a c 2 a ."),
            "{text}"
        );
        // The TeX is not shown, and KaTeX's rendering is the same formula again.
        assert!(
            text.contains("The discriminant is b 2 \u{2212} 4 a c, and its sign decides."),
            "{text}"
        );
        assert!(!text.contains("b^2"), "{text}");
    }

    #[test]
    fn an_encyclopedias_hidden_mathml_leaves_its_image() {
        let a = article();
        assert!(a
            .content_html
            .contains("https://maths.example/render/delta.svg"));
        assert!(!a.content_html.contains("\\Delta</annotation>"));
    }
}

mod tables {
    use super::*;

    fn article() -> quietpage::Article {
        extract_ok(
            &fixture("data-table.html"),
            "https://weatherdesk.example/2024/06/wet-spring",
        )
    }

    #[test]
    fn data_table_is_kept_whole() {
        let a = article();
        let html = &a.content_html;
        assert_eq!(count_elements(html, "table"), 1, "one table:\n{html}");
        assert_eq!(
            count_elements(html, "tr"),
            6,
            "all rows, head and foot included"
        );
        assert_eq!(
            count_elements(html, "th"),
            11,
            "header cells stay header cells"
        );
        assert_eq!(count_elements(html, "td"), 16);
        assert_eq!(
            element_texts(html, "caption"),
            ["Spring rainfall, 2024 against the 1991–2020 average (mm)"]
        );
        let tokens = tokenize(html);
        let spans: Vec<_> = elements(&tokens, "th")
            .into_iter()
            .take(3)
            .map(|t| (t.attr("rowspan"), t.attr("colspan")))
            .collect();
        assert_eq!(
            spans,
            [(Some("2"), None), (None, Some("2")), (None, Some("2"))],
            "rowspan/colspan keep the header's shape"
        );
    }

    #[test]
    fn cells_read_in_order() {
        let a = article();
        let cells = [
            "Month", "Hilltop", "Valley", "March", "112.4", "71.0", "98.1", "58.3", "April",
            "96.7", "62.5", "81.9", "50.2", "May", "88.3", "60.1", "77.4", "49.8", "Spring",
            "297.4", "193.6", "257.4", "158.3",
        ];
        assert_in_order(&visible_text(&a.content_html), &cells);
        assert_in_order(&a.text, &cells);
        assert_in_order(
            &a.text,
            &[
                "It has felt like a wet spring",
                "The table below sets",
                "March was the standout month",
                "Whether the summer follows suit",
            ],
        );
    }

    #[test]
    fn layout_tables_are_not_content() {
        let a = article();
        for s in [
            "Forecasts",
            "Climate",
            "Archive",
            "Privacy",
            "© The Weather Desk",
        ] {
            assert!(
                !a.text.contains(s),
                "layout table text {s:?} in the article"
            );
        }
    }
}

mod urls {
    use super::*;

    const PAGE: &str = "https://www.example.org/news/2024/audit.html";

    /// Link text → where it must lead. `None` marks the in-page link to the "How the audit
    /// was done" heading: in the reader's view it must still land on that heading (whatever
    /// the id is renamed to), or else lead back to it on the original page.
    fn check_links(a: &quietpage::Article, expected: &[(&str, Option<&str>)]) {
        let links = anchors(&a.content_html);
        for (text, want) in expected {
            let href = links
                .iter()
                .find(|(t, _)| t == text)
                .unwrap_or_else(|| panic!("link {text:?} missing from {links:?}"))
                .1
                .as_deref()
                .unwrap_or_else(|| panic!("link {text:?} lost its href"));
            match (want, href.strip_prefix('#')) {
                (Some(want), _) => assert_eq!(href, *want, "href of {text:?}"),
                (None, Some(id)) => assert_eq!(
                    text_of_element_with_id(&a.content_html, id).as_deref(),
                    Some("How the audit was done"),
                    "in-page link {href:?} no longer lands on its heading"
                ),
                (None, None) => assert!(
                    href.starts_with("https://") && href.ends_with("#methodology"),
                    "in-page link became {href:?}"
                ),
            }
        }
    }

    fn check_image(a: &quietpage::Article, src: &str, srcset: &[&str]) {
        let tokens = tokenize(&a.content_html);
        let chart = elements(&tokens, "img")
            .into_iter()
            .find(|t| t.attr("alt") == Some("Bar chart of spending by department"))
            .unwrap_or_else(|| panic!("the chart is missing:\n{}", a.content_html));
        assert_eq!(chart.attr("src"), Some(src));
        if let Some(set) = chart.attr("srcset") {
            assert_eq!(srcset_urls(set), srcset);
        }
        for u in all_urls(&a.content_html) {
            assert!(
                u.starts_with("https://") || u.starts_with("mailto:") || u.starts_with('#'),
                "URL left relative: {u:?}"
            );
        }
    }

    #[test]
    fn relative_links_resolve_against_the_page_url() {
        let a = extract_ok(&fixture("relative-urls.html"), PAGE);
        check_links(
            &a,
            &[
                (
                    "summary report",
                    Some("https://www.example.org/news/2024/report/summary.html"),
                ),
                (
                    "underlying data",
                    Some("https://www.example.org/news/2024/report/data.csv"),
                ),
                (
                    "list of earlier audits",
                    Some("https://www.example.org/news/archive/"),
                ),
                (
                    "press office",
                    Some("https://www.example.org/about/contact.html"),
                ),
                ("methodology section", None),
                (
                    "second page of this story",
                    Some("https://www.example.org/news/2024/audit.html?page=2"),
                ),
                (
                    "full PDF",
                    Some("https://cdn.example.net/files/audit-2024.pdf"),
                ),
                (
                    "reaction from the union",
                    Some("https://other.example.com/blog/audit-reaction"),
                ),
                ("email the newsdesk", Some("mailto:newsdesk@example.org")),
            ],
        );
        check_image(
            &a,
            "https://www.example.org/news/2024/images/spending-chart.png",
            &[
                "https://www.example.org/news/2024/images/spending-chart-800.png",
                "https://www.example.org/img/spending-chart-1600.png",
            ],
        );
    }

    #[test]
    fn attributes_read_as_a_browser_reads_them() {
        // Upper-case names, a repeated name (the first wins), entities in values and an
        // unquoted value, on links and a picture inside the article.
        let para = "The committee met for the third time this spring and heard from the \
            auditors, who walked it through every line of the accounts before the vote. ";
        let html = format!(
            "<html><head><title>Audit</title></head><body><article>\
             <p>{para}{para}<A HREF=\"summary.html\" href=\"wrong.html\">summary report</A></p>\
             <p>{para}<a Href=data.csv?a=1&amp;b=2>underlying data</a>{para}</p>\
             <p>{para}<IMG SRC=\"chart.png\" ALT=\"Bar chart\" src=\"wrong.png\">{para}</p>\
             </article></body></html>"
        );
        let a = extract_ok(&html, PAGE);
        check_links(
            &a,
            &[
                (
                    "summary report",
                    Some("https://www.example.org/news/2024/summary.html"),
                ),
                (
                    "underlying data",
                    Some("https://www.example.org/news/2024/data.csv?a=1&b=2"),
                ),
            ],
        );
        let tokens = tokenize(&a.content_html);
        let chart = elements(&tokens, "img");
        assert_eq!(chart.len(), 1, "{}", a.content_html);
        assert_eq!(
            chart[0].attr("src"),
            Some("https://www.example.org/news/2024/chart.png")
        );
        assert_eq!(chart[0].attr("alt"), Some("Bar chart"));
    }

    #[test]
    fn absolute_base_href_takes_precedence() {
        let a = extract_ok(&fixture("base-absolute.html"), PAGE);
        check_links(
            &a,
            &[
                (
                    "summary report",
                    Some("https://static.example.net/assets/report/summary.html"),
                ),
                (
                    "underlying data",
                    Some("https://static.example.net/assets/report/data.csv"),
                ),
                (
                    "list of earlier audits",
                    Some("https://static.example.net/archive/"),
                ),
                (
                    "press office",
                    Some("https://static.example.net/about/contact.html"),
                ),
                ("methodology section", None),
                (
                    "second page of this story",
                    Some("https://static.example.net/assets/?page=2"),
                ),
                (
                    "full PDF",
                    Some("https://cdn.example.net/files/audit-2024.pdf"),
                ),
                (
                    "reaction from the union",
                    Some("https://other.example.com/blog/audit-reaction"),
                ),
                ("email the newsdesk", Some("mailto:newsdesk@example.org")),
            ],
        );
        check_image(
            &a,
            "https://static.example.net/assets/images/spending-chart.png",
            &[
                "https://static.example.net/assets/images/spending-chart-800.png",
                "https://static.example.net/img/spending-chart-1600.png",
            ],
        );
    }

    #[test]
    fn relative_base_href_resolves_against_the_page_url() {
        let a = extract_ok(&fixture("base-relative.html"), PAGE);
        check_links(
            &a,
            &[
                (
                    "summary report",
                    Some("https://www.example.org/news/2024/archive/2024/report/summary.html"),
                ),
                (
                    "underlying data",
                    Some("https://www.example.org/news/2024/archive/2024/report/data.csv"),
                ),
                (
                    "list of earlier audits",
                    Some("https://www.example.org/news/2024/archive/archive/"),
                ),
                (
                    "press office",
                    Some("https://www.example.org/about/contact.html"),
                ),
                ("methodology section", None),
                (
                    "second page of this story",
                    Some("https://www.example.org/news/2024/archive/2024/?page=2"),
                ),
                (
                    "full PDF",
                    Some("https://cdn.example.net/files/audit-2024.pdf"),
                ),
            ],
        );
        check_image(
            &a,
            "https://www.example.org/news/2024/archive/2024/images/spending-chart.png",
            &[
                "https://www.example.org/news/2024/archive/2024/images/spending-chart-800.png",
                "https://www.example.org/img/spending-chart-1600.png",
            ],
        );
    }

    #[test]
    fn absolute_base_href_is_enough_without_a_page_url() {
        let a = quietpage::extract(&fixture("base-absolute.html"), None, &Options::default())
            .expect("an article");
        assert_article_invariants(&a);
        check_links(
            &a,
            &[
                (
                    "summary report",
                    Some("https://static.example.net/assets/report/summary.html"),
                ),
                (
                    "press office",
                    Some("https://static.example.net/about/contact.html"),
                ),
            ],
        );
    }
}

mod data_urls {
    use super::*;

    const URL: &str = "https://mailcraft.example/notes/inline-images.html";

    /// The data: image URLs as written in the fixture.
    fn embedded_images() -> Vec<String> {
        let page = fixture("data-urls.html");
        page.match_indices("src=\"data:image/png;base64,")
            .map(|(i, _)| {
                let start = i + "src=\"".len();
                let end = start + page[start..].find('"').expect("closing quote");
                page[start..end].to_string()
            })
            .collect()
    }

    #[test]
    fn raster_data_images_are_kept_verbatim() {
        let a = extract_ok(&fixture("data-urls.html"), URL);
        let want = embedded_images();
        assert_eq!(want.len(), 2, "fixture sanity");
        assert_eq!(
            img_srcs(&a.content_html),
            want,
            "data: images kept, not resolved"
        );
    }

    #[test]
    fn document_and_script_links_are_dropped_but_their_words_stay() {
        let a = extract_ok(&fixture("data-urls.html"), URL);
        for (text, href) in anchors(&a.content_html) {
            let h = href.unwrap_or_default().to_ascii_lowercase();
            assert!(
                !h.starts_with("data:") && !h.starts_with("javascript:"),
                "link {text:?} still leads to {h:?}"
            );
        }
        assert!(!a.content_html.contains("data:text/html"));
        assert!(a
            .text
            .contains("A link such as this demo page opens a whole HTML page"));
        assert!(a
            .text
            .contains("The same goes for script links like this one."));
    }
}

mod code {
    use super::*;

    const RUST: &str = "fn main() {
    let v = vec![1, 2, 3];

    for x in &v {
        if x > &1 && x < &3 {
            println!(\"{x}\");
        }
    }
}";

    const MAKE: &str = "build:\n\tcargo build --release\n\tstrip target/release/app";

    fn article() -> quietpage::Article {
        extract_ok(
            &fixture("code-blocks.html"),
            "https://tidybytes.example/posts/borrowing-in-loops/",
        )
    }

    #[test]
    fn preformatted_blocks_keep_every_space_tab_and_blank_line() {
        let a = article();
        assert_eq!(raw_element_texts(&a.content_html, "pre"), [RUST, MAKE]);
        assert!(
            a.text.contains(&format!("\n\n{RUST}\n\n")),
            "the Rust block, intact, as its own block:\n{}",
            a.text
        );
        assert!(
            a.text.contains(&format!("\n\n{MAKE}\n\n")),
            "the Makefile block with its tabs:\n{:?}",
            a.text
        );
    }

    /// A command is shorter than any paragraph; in the box a README sets each listing in
    /// (GitHub's `snippet-clipboard-content`), it is still the article's.
    #[test]
    fn a_short_listing_in_a_box_of_its_own_stays() {
        let box_of = |cmd: &str| {
            format!(
                "<div class=\"snippet-clipboard-content position-relative\"><pre><code>{cmd}\
                 </code></pre></div>"
            )
        };
        let a = ferry_story(
            "",
            &format!(
                "<p>Install it with pip:</p>{}<p>or add it with poetry:</p>{}",
                box_of("pip install ferry"),
                box_of("poetry add ferry")
            ),
        );
        for cmd in ["pip install ferry", "poetry add ferry"] {
            assert!(a.text.contains(cmd), "{cmd} lost:\n{}", a.text);
        }
    }

    /// Utility-class blogs (Tailwind, Bootstrap) set each listing in a box that clips its
    /// overflow: `overflow-hidden` says how the box is drawn, not that it is hidden.
    #[test]
    fn a_listing_in_a_box_that_clips_its_overflow_stays() {
        let a = ferry_story(
            "",
            "<p>The key is a hash of the task's inputs:</p>\
             <div class=\"not-prose group relative my-6 overflow-hidden rounded-lg border\">\
             <div class=\"flex justify-between px-4 py-2\"><span>src/key.ts</span>\
             <button type=\"button\" aria-label=\"Copy code\"><span>Copy</span></button></div>\
             <pre class=\"overflow-x-auto p-4\"><code><span data-line=\"\">const hash = \
             createHash(\"sha256\");</span>\n<span data-line=\"\">hash.update(file);</span>\
             </code></pre></div><p>Sorting the files first matters more than it looks.</p>",
        );
        assert!(
            a.text
                .contains("const hash = createHash(\"sha256\");\nhash.update(file);"),
            "{}",
            a.text
        );
        assert!(a.text.contains("Sorting the files first"), "{}", a.text);
    }

    #[test]
    fn inline_code_reads_as_written() {
        let a = article();
        assert!(
            a.text.starts_with("A question that comes up every week: how do you loop over a Vec<T> and compare each element with a bound, without moving the vector?"),
            "{}",
            a.text
        );
        assert!(a.text.contains("If the build goes through make, remember"));
    }

    /// Syntax highlighters name their spans by what the code holds: highlight.js's
    /// `hljs-comment` and `hljs-meta`, Prism's `token comment`. Those are not a comment
    /// section or a date line, and the code is read whole, its closing newline included
    /// (which must not leave a second blank line in the text).
    #[test]
    fn highlighted_code_keeps_its_comments() {
        let code = |comment: &str, meta: &str| {
            format!(
                "<pre><code class=\"language-js\"><span class=\"{meta}\">'use strict';</span>\n\
                 <span class=\"hljs-keyword\">const</span> path = require('node:path');\n\
                 path.basename('/tmp/quux.html');\n\
                 <span class=\"{comment}\">// Returns: 'quux.html'</span>\n\
                 <span class=\"{comment} share-bar\">/* shared by every caller */</span>\n</code></pre>"
            )
        };
        let hljs = code("hljs-comment", "hljs-meta");
        let prism = code("token comment", "token prolog");
        let a = ferry_story(&hljs, &prism);
        assert_eq!(
            a.text.matches("// Returns: 'quux.html'").count(),
            2,
            "{}",
            a.text
        );
        assert_eq!(a.text.matches("/* shared by every caller */").count(), 2);
        assert_eq!(a.text.matches("'use strict';").count(), 2);
        assert_eq!(a.removed.comments, 0);
        assert_eq!(a.removed.share, 0);
    }

    /// Node's docs give each example twice in one `<pre>`, as an ES module and as CommonJS,
    /// each in its own `<code>` (a toggle shows one); other highlighters write a `<code>`
    /// per line. Either way each starts on its own line, not glued to the last one's end.
    #[test]
    fn listings_side_by_side_in_one_block_start_on_their_own_lines() {
        let a = ferry_story(
            "<pre><code class=\"language-js mjs\">import * as fs from 'node:fs';</code>\
             <code class=\"language-js cjs\">const fs = require('node:fs');</code></pre>\
             <pre><code>$ ferry --list</code><code>$ ferry --book 7:40</code></pre>",
            "<pre>Run <code>ferry</code> or <code>ferry --help</code></pre>",
        );
        assert!(
            a.text.contains(
                "import * as fs from 'node:fs';\nconst fs = require('node:fs');\n\n\
                 $ ferry --list\n$ ferry --book 7:40\n"
            ),
            "{}",
            a.text
        );
        assert!(
            quietpage::export::to_markdown(&a).contains(
                "```js\nimport * as fs from 'node:fs';\nconst fs = require('node:fs');\n```"
            ),
            "{}",
            quietpage::export::to_markdown(&a)
        );
        // Code inside a line of text is part of the line.
        assert!(a.text.contains("Run ferry or ferry --help"), "{}", a.text);
    }
}

/// Documentation generators and blog themes put a permalink in each heading ("Setup¶",
/// "Setup #"): a control for copying an address, which reads as litter in the view and in
/// every export. Links that are the heading's words stay.
mod permalinks {
    use super::*;

    fn article() -> quietpage::Article {
        let section = |heading: &str| format!("{heading}<p>{FERRY_PARA}</p>");
        let before: String = [
            "<h2 id=\"winter\">Winter timetable<a class=\"headerlink\" href=\"#winter\" \
             title=\"Permalink to this headline\">&para;</a></h2>",
            "<h3 id=\"fares\"><a href=\"#fares\" class=\"anchor\" aria-hidden=\"true\">#</a> \
             Fares and passes</h3>",
            "<h3 id=\"pets\">Pets on board <a class=\"hash-link\" href=\"#pets\">&#8203;</a></h3>",
            "<h3 id=\"bikes\"><a href=\"#bikes\">Bikes and prams</a></h3>",
            "<dl><dt id=\"book\">ferry.book(time)<a class=\"headerlink\" href=\"#book\">¶</a></dt>\
             <dd>Books a crossing.</dd></dl>",
        ]
        .map(section)
        .concat();
        ferry_story(
            &before,
            "<h3>Tides, as in <a href=\"#s4\">§ 4</a></h3>\
             <p>A crossing is cancelled when the swell is over 3 m <a href=\"#n1\">#</a>.</p>",
        )
    }

    /// MediaWiki's "[edit]" beside each heading, inside it as it was written until 2024 or
    /// beside it in the heading's box as now, is a control for editors.
    #[test]
    fn a_wikis_edit_links_leave_its_headings() {
        let edit = |n: usize| {
            format!(
                "<span class=\"mw-editsection\"><span class=\"mw-editsection-bracket\">[\
                 </span><a href=\"/w/index.php?title=Ferry&amp;action=edit&amp;section={n}\">\
                 <span>edit</span></a><span class=\"mw-editsection-bracket\">]</span></span>"
            )
        };
        let a = ferry_story(
            &format!(
                "<div class=\"mw-heading mw-heading2\"><h2 id=\"History\">History</h2>{}</div>\
                 <p>{FERRY_PARA} (h)</p><h2><span class=\"mw-headline\" id=\"Fares\">Fares\
                 </span>{}</h2>",
                edit(1),
                edit(2)
            ),
            "",
        );
        assert!(!a.text.contains("edit"), "{}", a.text);
        assert!(!a.text.contains('['), "{}", a.text);
        assert_present(&a, &["History", "Fares"]);
    }

    #[test]
    fn marks_leave_headings_in_the_view_and_exports() {
        let a = article();
        let markdown = quietpage::export::to_markdown(&a);
        for out in [&a.text, &a.content_html, &markdown] {
            for mark in ["¶", "&para;", "\u{200B}", "[#]", "\n# Fares"] {
                assert!(!out.contains(mark), "{mark:?} left in:\n{out}");
            }
        }
        for id in ["winter", "fares", "pets", "book"] {
            let link = format!("href=\"#qp-{id}\"");
            assert!(
                !a.content_html.contains(&link),
                "{link}:\n{}",
                a.content_html
            );
        }
        for line in [
            "Winter timetable\n",
            "Fares and passes\n",
            "Pets on board\n",
            "ferry.book(time)\n",
        ] {
            assert!(a.text.contains(line), "{line:?} in:\n{}", a.text);
        }
        assert!(markdown.contains("### Fares and passes\n"), "{markdown}");
    }

    #[test]
    fn links_that_are_words_stay() {
        let a = article();
        assert!(
            a.content_html
                .contains("<a href=\"#qp-bikes\">Bikes and prams</a>"),
            "{}",
            a.content_html
        );
        // A mark with words is a reference; a paragraph's links are its own.
        assert!(a.text.contains("Tides, as in § 4\n"), "{}", a.text);
        assert!(a.text.contains("over 3 m #."), "{}", a.text);
    }
}

mod entities {
    use super::*;

    fn article() -> quietpage::Article {
        extract_ok(
            &fixture("entities.html"),
            "https://foodnotes.example/history/salt-and-vinegar",
        )
    }

    #[test]
    fn text_shows_exactly_what_the_page_showed() {
        let a = article();
        // A no-break space may stay one or become a plain space; both read the same.
        let text = a.text.replace('\u{a0}', " ");
        assert_text_is(
            &text,
            &[
                "The oldest fish & chip shop still trading claims to have opened in 1863, and the vinegar bottle has been on its counter for as long as anyone can remember. Malt vinegar was cheap, it cut through the fat, and it kept the chips from going soft on the walk home…",
                "Customers at the café next door still ask for “salt & sauce” and get it: the owner says the rule is simple — ask, and you’ll receive. The nearest rival is 2 km away.",
                "Web writers face a similar problem with a different condiment. To show an ampersand entity on a page you have to write &amp; in the source, and to show a tag such as <script> you write &lt;script&gt; instead.",
                "Directions to the shop are on the map, and prices are quoted with tax at 5 % < 10 % of the old rate.",
            ],
        );
    }

    #[test]
    fn escaped_markup_stays_text_in_content_html() {
        let a = article();
        let seen = visible_text(&a.content_html).replace('\u{a0}', " ");
        assert!(
            seen.contains("such as <script> you write &lt;script&gt; instead"),
            "{seen}"
        );
        assert!(
            seen.contains("you have to write &amp; in the source"),
            "{seen}"
        );
        assert!(seen.contains("2 km away"), "{seen}");
        assert!(
            !seen.contains("&amp;amp;") && !seen.contains("&#"),
            "double decoding or none: {seen}"
        );
    }

    #[test]
    fn attribute_values_are_decoded_once() {
        let a = article();
        let links = anchors(&a.content_html);
        let map = links
            .iter()
            .find(|(t, _)| t == "the map")
            .expect("the map link");
        assert_eq!(
            map.1.as_deref(),
            Some("https://maps.example.com/?q=Quay+Street&z=16&hl=en")
        );
    }

    #[test]
    fn metadata_is_decoded_once() {
        let a = article();
        assert_eq!(a.title.as_deref(), Some("Salt & Vinegar: a short history"));
        assert_eq!(
            a.excerpt.as_deref(),
            Some("Why the British put vinegar on chips — and when it started.")
        );
    }
}

mod title_headings {
    use super::*;

    #[test]
    fn heading_that_repeats_the_title_is_dropped() {
        let a = extract_ok(
            &fixture("title-repeated-heading.html"),
            "https://citydesk.example/transport/night-bus",
        );
        assert_eq!(a.title.as_deref(), Some("Why the night bus matters"));
        let hs = headings(&a.content_html);
        assert!(
            hs.iter().all(|(_, t)| t != "Why the night bus matters"),
            "the title is shown again as a heading: {hs:?}"
        );
        assert!(
            hs.iter().any(|(_, t)| t == "Who rides after midnight"),
            "a real subheading was dropped: {hs:?}"
        );
        assert_text_is(
            &a.text,
            &[
                "At two in the morning the N29 is full. Cleaners, bakers, nurses and bar staff ride it home or to work, and for most of them there is no other way to make the journey.",
                "Who rides after midnight",
                "A survey by the transport authority found that two thirds of night bus passengers were travelling to or from work, and that most earned less than the city's median wage.",
                "Cutting the service would save money on paper, the report concluded, but the cost would move onto the people least able to pay it: in taxi fares, lost shifts and longer days.",
            ],
        );
    }

    #[test]
    fn h1_that_differs_from_the_title_is_not_lost() {
        const H1: &str = "Budget 2024: rent relief extended for two more years";
        let a = extract_ok(
            &fixture("title-h1-differ.html"),
            "https://moneydesk.example/housing/budget-2024-renters",
        );
        let title = a.title.as_deref().unwrap_or("");
        assert!(
            title == H1 || title == "Budget 2024: what changes for renters",
            "title should be the headline, whole, got {title:?}"
        );
        if title != H1 {
            assert!(
                headings(&a.content_html).iter().any(|(_, t)| t == H1),
                "the page's own headline must reach the reader somewhere"
            );
        }
        assert!(a.text.contains("Renters who claim the housing allowance"));
        assert!(a
            .text
            .contains("continue automatically for everyone who receives it now."));
    }

    /// Under a title that lists what the article covers, a section's heading may be made of
    /// the title's words alone ("Symptoms of Iron Deficiency Without Anemia") and still say
    /// far less than the title: it stays. A heading that repeats one part of a title in
    /// parts ("… - Strava-Update: …") is the title again, and goes.
    #[test]
    fn a_section_heading_of_the_titles_words_is_no_repeat() {
        let para = "Iron deficiency without anemia is common, and doctors find it with a \
                    ferritin test rather than a blood count, which can look normal for years.";
        let page = |title: &str, headline: &str, heading: &str| {
            let body: String = (0..4).map(|i| format!("<p>{para} ({i})</p>")).collect();
            let html = format!(
                "<html><head><title>{title}</title></head><body><article>{headline}{body}\
                 <h2>{heading}</h2><p>{para} (4)</p><p>{para} (5)</p></article></body></html>"
            );
            extract_ok(&html, "https://health.example/iron")
        };
        const TITLE: &str =
            "Iron Deficiency Without Anemia: Symptoms, Causes, Testing, and Treatment";
        for heading in ["Symptoms of Iron Deficiency Without Anemia", "Treatment"] {
            let a = page(TITLE, &format!("<h1>{TITLE}</h1>"), heading);
            assert_in_order(&a.text, &["(3)", heading, "(4)"]);
        }
        // A kicker set as the `<h1>` over the headline, the `<title>` both.
        let a = page(
            "Iron deficiency explained - Blood tests: what to ask",
            "<h1>Blood tests: what to ask</h1><h2>Iron deficiency explained</h2>",
            "Iron deficiency explained",
        );
        assert!(!a.text.contains("explained"), "{}", a.text);
    }

    /// A story's subheadings named for what they are (CNN's `<h2 class="subheader">`,
    /// `clay-subheader`) hold the word "header", an unlikely name to Readability: they stay.
    /// A page's header named so still goes.
    #[test]
    fn subheadings_named_subheader_stay() {
        let a = ferry_story(
            "<div class=\"site-header\"><h2 class=\"site-header__title\">Harbour Gazette</h2>\
             </div>",
            &format!(
                "<h2 class=\"subheader\">A cold test for the crews</h2><p>{FERRY_PARA} (6)</p>\
                 <h2 class=\"clay-subheader\">What comes next</h2><p>{FERRY_PARA} (7)</p>"
            ),
        );
        assert_present(&a, &["A cold test for the crews", "What comes next"]);
        assert!(!a.text.contains("Harbour Gazette"), "{}", a.text);
    }

    /// Substack names every subheading for the permalink anchor it carries
    /// (`header-anchor-post`, the anchor's button inside): they stay, without the button.
    #[test]
    fn subheadings_named_for_their_anchor_stay() {
        let a = ferry_story(
            "",
            &format!(
                "<h2 class=\"header-anchor-post\">Fifty seats or nothing<div \
                 class=\"header-anchor-parent\"><div id=\"§fifty\" class=\"header-anchor \
                 offset-top\"></div><button aria-label=\"Link\">Link</button></div></h2>\
                 <p>{FERRY_PARA} (6)</p>"
            ),
        );
        assert_in_order(&a.text, &["(4)", "Fifty seats or nothing", "(6)"]);
        assert!(!a.text.contains("Link"), "{}", a.text);
    }
}

mod boilerplate {
    use super::*;

    fn article() -> quietpage::Article {
        extract_ok(
            &fixture("boilerplate-in-article.html"),
            "https://www.westbridgegazette.example/news/2024/03/cycle-lanes-station-road",
        )
    }

    #[test]
    fn text_is_only_the_story() {
        assert_text_is(
            &article().text,
            &[
                "Protected cycle lanes will be built along the full length of Station Road after councillors approved the scheme by nine votes to four on Wednesday evening.",
                "The lanes, separated from traffic by a low kerb, will run for 1.8 kilometres from the railway station to the retail park. Work is due to start in September and take about five months.",
                "Supporters told the meeting that the road was the most direct route between the town's two largest employers and that the number of people cycling it had doubled since 2019, despite the traffic.",
                "Concerns over parking",
                "Opponents said the loss of 46 parking spaces would hurt shops at the southern end of the road. The council has agreed to review trade there a year after the lanes open.",
                "Councillor Mira Shah, who chairs the transport committee, said the scheme had been changed after consultation to keep loading bays outside the bakery and the pharmacy.",
                "The project will cost £2.3 million, most of it from a government active travel grant that must be spent by the end of next year.",
            ],
        );
    }

    #[test]
    fn cookie_banner_is_removed() {
        let a = article();
        assert_absent(
            &a,
            &[
                "We use cookies",
                "Accept all",
                "Reject all",
                "Manage preferences",
            ],
        );
        assert!(a.removed.cookie > 0, "{:?}", a.removed);
    }

    #[test]
    fn newsletter_box_is_removed() {
        let a = article();
        assert_absent(
            &a,
            &[
                "Morning Briefing",
                "in your inbox",
                "Sign up",
                "privacy policy",
                "unsubscribe",
            ],
        );
    }

    #[test]
    fn also_read_and_related_links_are_removed() {
        let a = article();
        assert_absent(
            &a,
            &[
                "Also read",
                "Bus fares frozen",
                "Related stories",
                "Parking charges to rise",
                "New footbridge",
                "More from Westbridge",
                "Library opening hours",
                "Market square plans",
            ],
        );
        assert!(a.removed.related > 0, "{:?}", a.removed);
    }

    #[test]
    fn share_bars_are_removed() {
        let a = article();
        assert_absent(
            &a,
            &[
                "Share",
                "Facebook",
                "Twitter",
                "WhatsApp",
                "Email",
                "Copy link",
            ],
        );
        assert!(a.removed.share > 0, "{:?}", a.removed);
    }

    #[test]
    fn comments_are_removed() {
        let a = article();
        assert_absent(
            &a,
            &[
                "3 comments",
                "RiderJo",
                "I have been waiting years",
                "Nobody asked the shops",
                "Good luck to anyone",
                "Reply",
                "Leave a comment",
            ],
        );
        assert!(a.removed.comments > 0, "{:?}", a.removed);
    }

    /// Valnet's sites (XDA, How-To Geek) call their comments the thread.
    #[test]
    fn a_comment_section_named_threads_goes() {
        let a = ferry_story(
            "",
            "<section id=\"threads\" class=\"article-threads\"><div class=\"threads-header\">\
             <h3 class=\"threads-title\">Thread</h3><span>23</span></div><div><div>\
             <div class=\"thread-author\">pier_fan_42</div><p class=\"thread-content\">Did the \
             same crossing last year. The winter timetable is brutal but once you know it you \
             never want to go back.</p></div></div></section>",
        );
        assert_absent(&a, &["pier_fan_42", "winter timetable is brutal"]);
        assert_eq!(a.text.matches("repairs to the pier").count(), 5);
    }

    /// The newsroom's call for tips, in a box after the story or a line of its own, goes with
    /// its box, whatever the box is named; a story's own sentence about a tip stays.
    #[test]
    fn a_call_for_tips_goes_with_its_box() {
        let a = ferry_story(
            "",
            "<div class=\"TipBox\"><p class=\"TipBox__text\">Got a tip? Send it to the \
             Gazette <a href=\"/tips\">here</a>.</p></div>\
             <p><strong>Do you have a story to share? Email us at <a \
             href=\"mailto:tips@gazette.example\">tips@gazette.example</a></strong></p>\
             <div class=\"css-tips\"><p class=\"css-tips-title\">Har du ett tips?</p><p \
             class=\"css-tips-text\">Hör av dig till Hamnbladets nyhetsredaktion – du kan vara \
             anonym.</p></div>\
             <aside><h3>Have a news tip?</h3><p>Reach the newsroom securely.</p></aside>\
             <p>Tipped off by a deckhand, the inspectors boarded the ferry at dawn.</p>",
        );
        assert_absent(
            &a,
            &[
                "Got a tip",
                "story to share",
                "Har du",
                "anonym",
                "news tip",
                "securely",
            ],
        );
        assert!(a.text.contains("Tipped off by a deckhand"), "{}", a.text);
        assert_eq!(a.text.matches("repairs to the pier").count(), 5);
    }

    /// Spanish and Portuguese sites name their comments so (`comentarios`), and the words
    /// over them are the site's rules.
    #[test]
    fn a_comment_section_named_in_spanish_or_portuguese_goes() {
        let a = ferry_story(
            "",
            "<section class=\"comentarios\" id=\"boxComentarios\"><h3 \
             class=\"comentarios__titulo\">Comentários</h3><p class=\"comentarios__aviso\">Os \
             comentários são de responsabilidade exclusiva de seus autores e não representam a \
             opinião deste site.</p><button>Ver comentários</button></section>",
        );
        assert_absent(&a, &["Comentários", "responsabilidade exclusiva"]);
        assert_eq!(a.text.matches("repairs to the pier").count(), 5);
    }

    #[test]
    fn byline_and_date_are_fields_not_text() {
        let a = article();
        assert_eq!(a.byline.as_deref(), Some("Hannah Clarke"));
        assert_published(&a, "2024-03-14");
        assert_absent(
            &a,
            &["Hannah Clarke", "Local Democracy Reporter", "14 March 2024"],
        );
    }
}

mod metadata {
    use super::*;

    /// A paragraph of the story every test here reads.
    const FERRY_PARA: &str = "<p>The ferry will run every hour from May, the harbour board said, after a winter of repairs to the pier and the ramp.</p>";

    /// A page titled "Ferry to run hourly" with `body` as its body.
    fn ferry_page(body: &str) -> quietpage::Article {
        let html = format!(
            r#"<!doctype html><html><head><title>Ferry to run hourly</title></head><body>{body}</body></html>"#
        );
        extract_ok(&html, "https://news.example/ferry")
    }

    /// A story headed "Ferry to run hourly", with `head` between its heading and its text.
    fn hourly_ferry(head: &str) -> quietpage::Article {
        ferry_page(&format!(
            "<article>\n<h1>Ferry to run hourly</h1>\n{head}\n{}</article>",
            FERRY_PARA.repeat(5)
        ))
    }

    /// A quote's attribution marked as an author (`pull-quote__author`, a blockquote's
    /// `cite class=author`) names who said it: it is not the byline, and the story's own
    /// byline after it still is.
    #[test]
    fn an_author_named_in_a_quote_is_not_the_byline() {
        let pull = r#"<div class="pull-quote"><blockquote>We will run it every hour.</blockquote><div class="pull-quote__author"><span class="author">Mara Quist</span></div></div>"#;
        let cited = r#"<blockquote><p>We will run it every hour.</p><cite class="author">Mara Quist</cite></blockquote>"#;
        for quote in [pull, cited] {
            let a = ferry_page(&format!(
                "<article><h1>Ferry to run hourly</h1>{FERRY_PARA}{quote}{}</article>",
                FERRY_PARA.repeat(4)
            ));
            assert_eq!(a.byline, None, "{quote}");
            let a = ferry_page(&format!(
                r#"<article><h1>Ferry to run hourly</h1>{FERRY_PARA}{quote}{}<p class="byline">By Ann Lee</p></article>"#,
                FERRY_PARA.repeat(4)
            ));
            assert_eq!(a.byline.as_deref(), Some("Ann Lee"), "{quote}");
        }
        // A theme names its page for its quotes' font (`quotes-f2` on `<body>`): the byline
        // inside is still the story's.
        let html = format!(
            r#"<!doctype html><html><head><title>Ferry to run hourly</title></head><body class="single quotes-f2"><article><h1>Ferry to run hourly</h1><p class="byline">By Ann Lee</p>{}</article></body></html>"#,
            FERRY_PARA.repeat(5)
        );
        let a = extract_ok(&html, "https://news.example/ferry");
        assert_eq!(a.byline.as_deref(), Some("Ann Lee"));
    }

    /// A paper's list of authors, each name marked: the first is the byline, and the list
    /// reads whole, not ", Bo Chen, …" with the first name cut out.
    #[test]
    fn a_long_author_list_keeps_its_first_name() {
        let names = [
            "Ann Leeward",
            "Bo Chenowith",
            "Cy Dunnmore",
            "Dee Evanston",
            "Eli Fordham",
            "Fay Goldsmith",
            "Gus Halewood",
            "Ida Mossgrove",
            "Jo Kingsley",
        ];
        let list = names
            .iter()
            .map(|n| format!(r#"<span class="citation-author">{n}</span>"#))
            .collect::<Vec<_>>()
            .join(", ");
        let a = hourly_ferry(&format!(r#"<div class="citation-authors">{list}</div>"#));
        assert_eq!(a.byline.as_deref(), Some("Ann Leeward"));
        assert!(a.text.contains(&names.join(", ")), "{}", a.text);
    }

    /// Templates indent deeply: a byline box's whitespace once filled the bytes kept of its
    /// text before the author's name came.
    #[test]
    fn a_deeply_indented_byline_is_read() {
        let pad = |depth: usize| format!("\n{}", " ".repeat(depth * 4));
        let a = hourly_ferry(&format!(
            r#"<div class="authorInfo">{}<h6><a href="/topics/transport/">Local transport</a></h6>{}<ul>{}<li>{}<span class="byText">by </span>{}<a rel="author" href="/profiles/mira/">{}<span>Mira Shah</span>{}</a>{}</li>{}</ul>{}</div>"#,
            pad(30),
            pad(30),
            pad(32),
            pad(34),
            pad(36),
            pad(38),
            pad(36),
            pad(34),
            pad(32),
            pad(30),
        ));
        assert_eq!(a.byline.as_deref(), Some("Mira Shah"), "{}", a.text);
    }

    /// A byline box with the name marked `itemprop="name"` beside the author's source and job
    /// title gives the name alone, as Readability reads it.
    #[test]
    fn a_byline_reads_its_marked_name() {
        let a = hourly_ferry(
            r#"<div class="author-box"><a href="https://harbour.example">Harbour Weekly</a> <span itemprop="author" itemscope><span itemprop="name">Mira Shah</span></span> <span class="role">Transport Editor</span></div>"#,
        );
        assert_eq!(a.byline.as_deref(), Some("Mira Shah"), "{}", a.text);
        assert!(!a.text.contains("Transport Editor"), "{}", a.text);
        // hCard's `fn` marks the name the same way.
        let a = hourly_ferry(
            r#"<p class="author vcard"><a href="/team/mira/"><b class="fn">Mira Shah</b></a> <span class="blogtitle">Senior Harbour Correspondent</span></p>"#,
        );
        assert_eq!(a.byline.as_deref(), Some("Mira Shah"), "{}", a.text);
    }

    /// A byline line says more than the name: a label for screen readers, the section, the
    /// author's handle, the verb of a date line. The name is what the view shows; a line with
    /// several authors' marks names them all.
    #[test]
    fn a_byline_line_gives_the_name_alone() {
        let byline_of = |line: &str| hourly_ferry(line).byline;
        for (line, name) in [
            (
                r#"<ul><li class="byline"><span class="visually-hidden">Author: Mira Shah.</span> <span itemprop="author"><a aria-hidden="true" rel="author" href="/m">Mira Shah</a></span> <span aria-hidden="true" itemprop="articleSection">Science</span></li></ul>"#,
                "Mira Shah",
            ),
            (
                r#"<div class="c-byline">Updated by <span><a href="/authors/mira">Mira Shah</a><span><a class="twitter-handle" href="https://twitter.com/mirashah">@mirashah</a></span></span></div>"#,
                "Mira Shah",
            ),
            (
                r#"<div class="node-block--authors"><span class="block__label--authors">Auteur:</span> <a href="/mira">Mira Shah</a></div>"#,
                "Mira Shah",
            ),
            (
                r#"<div class="byline">By <a rel="author" href="/m">Mira Shah</a> and <a rel="author" href="/j">Jon Roe</a></div>"#,
                "Mira Shah and Jon Roe",
            ),
            // The mark named for the name, apart from the job title and the handle beside it.
            (
                r#"<div class="author-card"><a class="author-card__link" href="/m"><span class="author-card__name">Mira Shah</span></a> <a class="author-card__social" href="https://twitter.com/mirashah">mirashah</a><span class="author-card__microbio">Transport Editor, Harbour Times</span></div>"#,
                "Mira Shah",
            ),
            (
                r#"<ul class="authors-detail"><li class="authors-detail__item"><div><span>by </span><a class="authors-detail__display-name" href="/m">Mira Shah</a></div><span class="authors-detail__title">Contributor</span></li></ul>"#,
                "Mira Shah",
            ),
            (
                r#"<p class="authors">By <a class="authorName" href="/m">Mira Shah</a> and <a class="authorName" href="/j">Jon Roe</a></p>"#,
                "Mira Shah, Jon Roe",
            ),
            // A copy of the name for screen readers is read once.
            (
                r#"<span class="authors__pre">Un reportage de <a class="authors__name" href="/m">Mira Shah<span class="u-screen-reader-text">Mira Shah</span></a></span>"#,
                "Mira Shah",
            ),
        ] {
            assert_eq!(byline_of(line).as_deref(), Some(name), "{line}");
        }
    }

    /// The label left beside a byline taken out of the text ("by", "Von:") goes with it,
    /// where it held nothing else; a sentence around an author's mark stays.
    #[test]
    fn a_bylines_label_goes_with_it() {
        for line in [
            r#"<ul class="post-meta"><li><span>by <a class="author-name" href="/m">Mira Shah</a></span></li></ul>"#,
            r#"<p>Von: <a rel="author" href="/m">Mira Shah</a></p>"#,
        ] {
            let a = hourly_ferry(line);
            assert_eq!(a.byline.as_deref(), Some("Mira Shah"), "{line}");
            assert!(a.text.starts_with("The ferry"), "{line}: {}", a.text);
        }
        let a = hourly_ferry(
            r#"<p>Our thanks to <a rel="author" href="/m">Mira Shah</a>, who took the night boat.</p>"#,
        );
        assert!(a.text.contains("Our thanks to"), "{}", a.text);
    }

    /// A line of two names set alike goes whole with its label and the word between them;
    /// where it says more, no name is cut from it (that left "Por e João Lima — Lisboa").
    #[test]
    fn a_line_of_co_authors_is_not_cut_between_them() {
        let a = hourly_ferry(
            r#"<p>Por <a rel="author" href="/m">Mira Shah</a> e <a rel="author" href="/j">João Lima</a></p>"#,
        );
        assert!(a.text.starts_with("The ferry"), "{}", a.text);
        let a = hourly_ferry(
            r#"<p class="from">Por <a rel="author" href="/m">Mira Shah</a> e <a rel="author" href="/j">João Lima</a>, correspondentes em Lisboa, para a revista de domingo</p>"#,
        );
        assert!(!a.text.contains("Por e"), "{}", a.text);
        assert!(!a.text.contains("Por , "), "{}", a.text);
    }

    /// `dateline` is one of Readability's byline names, and pages give it to the date: a line
    /// so named that only says when repeats the date the view shows, names no one, and does
    /// not keep the byline after it from being read.
    #[test]
    fn a_date_line_named_as_a_byline_goes_and_the_byline_is_still_read() {
        let a = hourly_ferry(
            r#"<span class="dateline">Sep 19, 2016 3:15 p.m. EDT</span>
<span class="byline"><a rel="author" href="/m">Mira Shah</a></span>
<div class="c-article-meta"><p class="c-dek">The harbour board will add sailings from May, after a winter of repairs to the pier.</p>
<time class="c-dateline" datetime="2016-09-19T13:18:00-04:00">Sep 19, 2016</time></div>"#,
        );
        assert_eq!(a.byline.as_deref(), Some("Mira Shah"));
        assert_published(&a, "2016-09-19");
        assert!(!a.text.contains("Sep 19"), "{}", a.text);
        assert!(a.text.contains("add sailings from May"), "{}", a.text);
        // Without a date in the metadata, the line gives the one the view shows.
        let a = hourly_ferry(r#"<p class="dateline">May 4, 2016</p>"#);
        assert_eq!(a.byline, None);
        assert_published(&a, "2016-05-04");
        assert!(!a.text.contains("May 4, 2016"), "{}", a.text);
    }

    /// WordPress themes name the label of their date and author line for the author
    /// (`meta-prep-author`, "Veröffentlicht am"): it names no one, goes, and leaves the byline
    /// to the author's own mark after it.
    #[test]
    fn a_label_named_as_a_byline_leaves_the_byline_to_the_name() {
        let a = hourly_ferry(
            r#"<div class="entry-meta"><span class="meta-prep meta-prep-author">Veröffentlicht am</span>
<a href="/2019/03/13/ferry/" rel="bookmark"><span class="entry-date">13. März 2019</span></a>
<span class="by-author"><span class="sep">von</span> <span class="author vcard"><a class="url fn n" href="/author/mira/" rel="author">Mira Shah</a></span></span></div>"#,
        );
        assert_eq!(a.byline.as_deref(), Some("Mira Shah"));
        assert_absent(&a, &["Veröffentlicht am", "Mira Shah"]);
    }

    /// A date line of its own in the article's text (a `<time>` in a `published-info` box)
    /// repeats the date the view shows above the article, and goes. A date that is part of
    /// a longer line, or another day's, says something the view does not.
    #[test]
    fn a_date_line_that_repeats_the_pages_date_goes() {
        let a = hourly_ferry(
            r#"<meta property="article:published_time" content="2016-12-07T10:00:00Z">
<div class="published-info"><time class="published-at" datetime="2016-12-07T10:00:00Z">December 7, 2016 — 5:00 AM EST</time></div>
<p class="article-timestamp">Publicado el <time>07/12/2016</time> a las 10h00</p>
<ul><li><time>1998</time> The pier first opened.</li></ul>
<p class="note"><time>December 9, 2016</time></p>
<p class="publish-date">2016&#x5E74;12&#x6708;7&#x65E5; 19:00</p><p class="date">07.12.2016</p>"#,
        );
        assert_published(&a, "2016-12-07");
        assert!(!a.text.contains("5:00 AM"), "{}", a.text);
        assert!(!a.text.contains("19:00"), "{}", a.text);
        assert!(!a.text.contains("07.12.2016"), "{}", a.text);
        assert!(!a.text.contains("Publicado"), "{}", a.text);
        assert!(a.text.contains("1998 The pier first opened."), "{}", a.text);
        assert!(a.text.contains("December 9, 2016"), "{}", a.text);

        // Drupal's line, with no date in the metadata: it dates the story, and goes.
        let a = hourly_ferry(
            r#"<div class="submitted"><span>Submitted on Mon, 2019-01-21 13:49</span></div>"#,
        );
        assert_published(&a, "2019-01-21");
        assert_absent(&a, &["Submitted"]);
        // Named for the date and time, with the US zone the time is in.
        let a = hourly_ferry(
            r#"<div class="tool_datetime">Published: <span>Wednesday, 21 Sep 2011 | 4:35 PM ET</span></div>"#,
        );
        assert_published(&a, "2011-09-21");
        assert_absent(&a, &["Published", "4:35"]);
        // A line of the update and the first publication, each day in its `<time>`, only
        // says when too; a note of what the update changed says more.
        let a = hourly_ferry(
            r#"<meta property="article:published_time" content="2025-04-08T09:45:00Z">
<div class="dt"><span>Updated <time datetime="2025-04-09T05:00:00+10:00">April 9, 2025 — 5.00am</time>, first published <time datetime="2025-04-08T19:45:00+10:00">April 8, 2025 — 7.45pm</time></span></div>
<p class="note">Updated <time>April 9, 2025</time> to add the board's reply.</p>"#,
        );
        assert_absent(&a, &["first published", "5.00am"]);
        assert!(a.text.contains("to add the board's reply"), "{}", a.text);
        // The two side by side, each a date line of its own with its label.
        let a = hourly_ferry(
            r#"<meta property="article:published_time" content="2025-11-30T10:18:42Z">
<div class="article-dates">
  <span class="timestamp">Publisert: <time datetime="2025-11-30T11:18:42+01:00">30.11.2025 11:18</time></span>
  <span class="timestamp">Oppdatert: <time datetime="2025-11-30T13:05:10+01:00">30.11.2025 13:05</time></span>
</div>"#,
        );
        assert_absent(&a, &["Publisert", "Oppdatert", "13:05"]);
    }

    /// Metadata that dates a story in UTC names Greenwich's day; the line beside the title
    /// names the reader's, which is the story's date when it is the day before or after at
    /// an hour some zone's clocks show it (ABC News: "2024-11-18T19:12:00.000Z", shown "Tue
    /// 19 Nov 2024 at 6:12am"), with the line's `datetime` when that has the page's zone
    /// (the Sydney Morning Herald's). A day that no zone's clock could show stays UTC's.
    #[test]
    fn a_date_in_utc_is_the_day_the_page_shows() {
        let page = |meta: &str, line: &str| {
            hourly_ferry(&format!(
                r#"<meta property="article:published_time" content="{meta}"><div class="meta">{line}</div>"#
            ))
        };
        let a = page(
            "2024-11-18T19:12:00.000Z",
            r#"Posted <time datetime="2024-11-18T19:12:00.000Z">Tue 19 Nov 2024 at 6:12am</time>"#,
        );
        assert_eq!(a.published.as_deref(), Some("2024-11-19"));
        let a = page(
            "2025-03-03T18:00:00.000Z",
            r#"<time datetime="2025-03-04T05:00:00+11:00">March 4, 2025 — 5.00am</time>"#,
        );
        assert_eq!(a.published.as_deref(), Some("2025-03-04T05:00:00+11:00"));
        // Late on the 18th in New York is the 19th at Greenwich.
        let a = page(
            "2024-11-19T02:30:00Z",
            r#"<time datetime="2024-11-19T02:30:00Z">November 18, 2024, 9:30 PM EST</time>"#,
        );
        assert_eq!(a.published.as_deref(), Some("2024-11-18"));
        for (meta, line) in [
            // The same day, and a day no zone shows at 02:00 UTC.
            ("2024-11-18T15:00:00Z", "November 18, 2024"),
            ("2024-11-18T02:00:00Z", "November 19, 2024"),
            // A day with no time of day says nothing of the moment.
            ("2024-11-18T21:56:18Z", "Tuesday, November 19, 2024"),
            // Not in UTC: the page said what it meant.
            ("2024-11-18T19:12:00-05:00", "November 19, 2024"),
        ] {
            let a = page(meta, line);
            assert_eq!(a.published.as_deref(), Some(meta), "{line}");
        }
    }

    /// A story's closing line that repeats the page's date in a box named for it ("First
    /// uploaded on: 07-12-2016 at 10:12 IST" in `story-first-publish`) goes as the line
    /// under the title does: its label names no author.
    #[test]
    fn a_closing_line_that_repeats_the_pages_date_goes() {
        let a = ferry_page(&format!(
            r#"<article><h1>Ferry to run hourly</h1><meta property="article:published_time" content="2016-12-07T10:00:00+05:30">{}<div class="story-first-publish"><span>First uploaded on: 07-12-2016 at 10:12 IST</span></div></article>"#,
            FERRY_PARA.repeat(5)
        ));
        assert_published(&a, "2016-12-07");
        assert_absent(&a, &["First uploaded"]);
    }

    /// A date line that shares its line with the byline is the date's own once the byline
    /// is taken, and a line that dates the story by the reader's day ("2 hours ago",
    /// "aujourd'hui") repeats the date the view shows. A line further down, in a list of
    /// posts, dates its own post and stays.
    #[test]
    fn a_date_beside_the_byline_or_relative_to_today_goes() {
        let meta = r#"<meta property="article:published_time" content="2019-05-07T10:00:00Z">"#;
        for line in [
            r#"<p class="meta"><span class="author">By Mira Shah</span> <span class="date">May 7, 2019</span></p>"#,
            r#"<p class="meta"><span class="meta__author">Par Mira Shah</span> <span class="meta__date">Publié aujourd’hui à 13h59, mis à jour à 15h25</span></p>"#,
            r#"<p class="timestamp">Updated 2 hours ago</p>"#,
            r#"<p class="date">vor 3 Stunden</p>"#,
        ] {
            let a = hourly_ferry(&format!("{meta}{line}"));
            assert_published(&a, "2019-05-07");
            assert!(a.text.starts_with("The ferry"), "{line}: {}", a.text);
        }
        let far = format!(
            "{meta}{}<p class=\"timestamp\">Posted 2 hours ago</p>",
            "<p>The ferry will run every hour from May.</p>".repeat(130)
        );
        let a = hourly_ferry(&far);
        assert!(a.text.contains("Posted 2 hours ago"), "{}", a.text);
        // With no date in the metadata, a relative line is the only date there is.
        let a = hourly_ferry(r#"<p class="timestamp">Updated 2 hours ago</p>"#);
        assert!(a.text.contains("Updated 2 hours ago"), "{}", a.text);
    }

    /// A page that gives no date in its metadata still shows one beside its title: that
    /// date is the page's, and its line goes from the text as any date line the view shows.
    /// Another story's date (in a link) and a date in a table are not the page's.
    #[test]
    fn the_date_shown_under_the_title_is_read_when_no_metadata_gives_one() {
        for (line, day) in [
            (r#"<p class="date">19.07.2022</p>"#, "2022-07-19"),
            (
                r#"<div class="byline">Saibal Dasgupta | TNN | Updated: Oct 9, 2019, 11:05 IST</div>"#,
                "2019-10-09",
            ),
            (
                r#"<p class="publish-date">2019&#x5E74;2&#x6708;22&#x65E5; 16:00</p>"#,
                "2019-02-22",
            ),
            (
                r#"<div class="meta-date">25. November 2021 16:11 Uhr</div>"#,
                "2021-11-25",
            ),
        ] {
            let a = hourly_ferry(line);
            assert_published(&a, day);
            assert!(a.text.starts_with("The ferry"), "{line}: {}", a.text);
        }
        // Icons' drawings before the line do not push it out of reach: the extension hands
        // the page in without their inner parts.
        let icon = format!(
            "<svg viewBox=\"0 0 9 9\">{}</svg>",
            "<path d=\"M0 0h9\"/>".repeat(12)
        );
        let a = hourly_ferry(&format!(
            r#"<div class="tools">{}</div><p class="date">19.07.2022</p>"#,
            icon.repeat(12)
        ));
        assert_published(&a, "2022-07-19");
        let a = hourly_ferry(
            r#"<a href="/other"><span class="date">3 March 2021</span> Older news</a>
<table><tr><td class="date">4 March 2021</td><td>Timetable</td></tr></table>"#,
        );
        assert_eq!(a.published, None);
    }

    /// A line under the title that only says when is the page's date whatever its name, or
    /// none ("<p>January 22, 2014</p>", "<dd>12.01.2017</dd>", a kicker's line above the
    /// headline in its box), and goes from the text; so is one part of a line set apart by
    /// a separator ("08.11.2021 | Online-Fachtag"), which stays. Not the masthead's day above the
    /// story, a menu's archive entry, a line with more words, or one when a line named as
    /// the date gives another day.
    #[test]
    fn a_line_that_only_says_when_dates_the_page_whatever_its_name() {
        for (line, day) in [
            ("<p>January 22, 2014</p>", "2014-01-22"),
            (
                "<p><small>Donnerstag, 15.2.2018, 19:51</small></p>",
                "2018-02-15",
            ),
            ("<dl><dt>Datum</dt><dd>12.01.2017</dd></dl>", "2017-01-12"),
            ("<p>Erstellt am: 01.11.2023</p>", "2023-11-01"),
        ] {
            let a = hourly_ferry(line);
            assert_published(&a, day);
            assert!(a.text.starts_with("The ferry"), "{line}: {}", a.text);
        }
        // A post's meta box whose day and author went to the header is judged as it stood:
        // its category list goes with it, as a link-dense box.
        let a = hourly_ferry(
            r#"<div class="blog-meta"><p>16 Oktober 2011, 10:55</p><p><a rel="author" href="/author/jane/">Jane Roe</a></p><ul class="cat"><li><a href="/category/harbour/">Harbour news</a></li></ul></div>"#,
        );
        assert_published(&a, "2011-10-16");
        assert_eq!(a.byline.as_deref(), Some("Jane Roe"));
        assert!(a.text.starts_with("The ferry"), "{}", a.text);
        // A line of the day and the section dates the page too, and stays: it says more.
        let a = hourly_ferry("<p>Freitag, 3. März 2023 · Politik</p>");
        assert_published(&a, "2023-03-03");
        assert!(a.text.starts_with("Freitag, 3. März 2023"), "{}", a.text);
        // So does one with a few linked words, a category's or an author's.
        let a = hourly_ferry(
            "<p><small>January 13, 2020 at 08:45 AM | categories: <a href=\"/c/port\">Port</a></small></p>",
        );
        assert_published(&a, "2020-01-13");
        // Or the day, a separator and the section's link, with no words of its own after it.
        let a = hourly_ferry("<p>24. April 2020 &#124; <a href=\"/presse/\">Presse</a></p>");
        assert_published(&a, "2020-04-24");
        assert!(a.text.starts_with("24. April 2020 | Presse"), "{}", a.text);
        // Beside a share link, the line dates the page and stays (it is not alone).
        let a = hourly_ferry(
            "<div><span>Jueves 28 de abril de 2022</span> <a href=\"/s\">Share</a></div>",
        );
        assert_published(&a, "2022-04-28");
        let kicker = ferry_page(&format!(
            "<article><header><div>Politics</div><span>3 March 2021</span><h1>Ferry to run hourly</h1></header>{}</article>",
            FERRY_PARA.repeat(5)
        ));
        assert_published(&kicker, "2021-03-03");
        for page in [
            // The masthead's today, far above the story.
            format!(
                "<div class=\"top\"><p>Friday, 3 March 2021</p><ul>{}</ul></div><article><h1>Ferry to run hourly</h1>{}</article>",
                "<li><a href=\"/x\">Section</a></li>".repeat(20),
                FERRY_PARA.repeat(5)
            ),
            // An archive's entry in a menu beside the story.
            format!(
                "<article><h1>Ferry to run hourly</h1>{}</article><nav><ul><li>12. Mai 2012</li></ul></nav>",
                FERRY_PARA.repeat(2)
            ),
            // More than a date.
            format!(
                "<article><h1>Ferry to run hourly</h1><p>Rückblick auf den 9. November 1989</p>{}</article>",
                FERRY_PARA.repeat(5)
            ),
        ] {
            assert_eq!(ferry_page(&page).published, None, "{page}");
        }
        let a = hourly_ferry(r#"<p>13. Mai 2012</p><p class="date">15. Februar 2012</p>"#);
        assert_published(&a, "2012-02-15");
        // Another story's card before the story's own date line, a comment's `pubdate`: the
        // story's day, in its `<time>`'s own words when the line holds one.
        let card = r#"<ul><li><a href="/other">Nous sommes en train de nous habituer à l'intolérable</a> <span class="author"><time datetime="2019-07-30">30 juil. 2019</time> Par Elba</span></li></ul>"#;
        let a = ferry_page(&format!(
            r#"<article><h1>Ferry to run hourly</h1><aside>{card}</aside><ul class="info"><li>27 juin 2019</li></ul>{}</article>"#,
            FERRY_PARA.repeat(5)
        ));
        assert_published(&a, "2019-06-27");
        let a = ferry_page(&format!(
            r#"<article><h1>Ferry to run hourly</h1><p>Le <time datetime="2019-06-28T13:49:45Z">28 juin 2019</time></p>{}</article><div class="comments"><time datetime="2019-09-22T07:30:29Z" pubdate>22 septembre</time></div>"#,
            FERRY_PARA.repeat(5)
        ));
        assert_eq!(a.published.as_deref(), Some("2019-06-28T13:49:45Z"));
        // Blogger's themes set the post's title in an `<h3>`, under the day's `<h2>`.
        let blogger = ferry_page(&format!(
            r#"<div class="date-outer"><h2 class="date-header"><span>Friday, December 23, 2016</span></h2><div class="post"><h3 class="post-title">Ferry to run hourly</h3><div class="post-body">{}</div></div></div>"#,
            FERRY_PARA.repeat(5)
        ));
        assert_published(&blogger, "2016-12-23");
    }

    /// A page that dates itself nowhere else is filed under a day in its address (the one
    /// the reader is on, or its canonical one); metadata and the shown date come first.
    #[test]
    fn the_day_in_the_address_dates_a_page_that_gives_none() {
        let body = format!(
            "<article><h1>Ferry to run hourly</h1>{}</article>",
            FERRY_PARA.repeat(5)
        );
        let page = |head: &str, body: &str| {
            format!("<!doctype html><html><head><title>Ferry to run hourly</title>{head}</head><body>{body}</body></html>")
        };
        let a = extract_ok(
            &page("", &body),
            "https://news.example/2021/03/04/ferry-hourly/",
        );
        assert_published(&a, "2021-03-04");
        let canonical = r#"<link rel="canonical" href="https://news.example/2021/03/04/ferry/">"#;
        let a = extract_ok(&page(canonical, &body), "https://news.example/ferry?amp=1");
        assert_published(&a, "2021-03-04");
        let shown = body.replace("</h1>", r#"</h1><p class="date">5 March 2021</p>"#);
        let a = extract_ok(&page("", &shown), "https://news.example/2021/03/04/ferry/");
        assert_published(&a, "2021-03-05");
        // An archive's month is no day.
        let a = extract_ok(&page("", &body), "https://news.example/2021/03/");
        assert_eq!(a.published, None);
    }

    /// Open Graph's publication time, also written with its namespace.
    #[test]
    fn open_graphs_publication_time_is_read_with_its_namespace() {
        let a = hourly_ferry(
            r#"<meta property="og:article:published_time" content="2019-05-07T11:59:43+00:00">"#,
        );
        assert_published(&a, "2019-05-07");
    }

    /// Microdata describes the nearest item, and in a page's body that is as often its
    /// picture as its article: the photographer named in an `ImageObject`'s `itemprop` metas
    /// is not the author the page names in its head. Where nothing else says when, an
    /// `itemprop` still does.
    #[test]
    fn a_pictures_microdata_does_not_name_the_author() {
        let picture = r#"<div itemscope itemtype="https://schema.org/ImageObject"><img src="/pier.jpg" alt="">
<meta itemprop="author" content="Jon Roe | Harbour Photos | Agency"><meta itemprop="datePublished" content="2016-09-18T09:00:00Z"></div>"#;
        let a = hourly_ferry(&format!(
            r#"<meta name="author" content="Mira Shah"><meta property="article:published_time" content="2016-09-19T13:18:00Z">{picture}"#
        ));
        assert_eq!(a.byline.as_deref(), Some("Mira Shah"));
        assert_published(&a, "2016-09-19");
        let a = hourly_ferry(picture);
        assert_published(&a, "2016-09-18");
    }

    /// An article's own header is often named like a page's (`entry-header`), which makes it
    /// unlikely content; its byline is still the byline. A figure's author is the picture's.
    #[test]
    fn a_byline_in_the_articles_header_is_read() {
        let a = ferry_page(&format!(
            r#"<main><article class="post">
<header class="entry-header"><h1 class="entry-title">Ferry to run hourly</h1>
<div class="entry-info"><address class="vcard"><a href="/author/m" rel="author">Mira Shah</a></address></div></header>
<div class="entry-content"><figure><img src="/pier.jpg" alt=""><figcaption><span class="img-caption">The pier in May.</span> <span class="img-author">Jon Roe/Harbour Weekly</span></figcaption></figure>
{}</div></article></main>"#,
            FERRY_PARA.repeat(30)
        ));
        assert_eq!(a.byline.as_deref(), Some("Mira Shah"), "{}", a.text);
        assert!(a.text.contains("The pier in May."), "{}", a.text);
        assert!(!a.text.contains("Jon Roe"), "{}", a.text);
    }

    /// A page that marks no byline may name its author in a line under the title after a
    /// word for "by", in any language and whatever the line is named: that is its byline,
    /// shown once, in the view's header. A sentence that starts with the word, a line in
    /// another story's card or in the comments, is not.
    #[test]
    fn a_line_that_names_the_author_under_the_title_is_the_byline() {
        for (line, name) in [
            ("<p><i>von Daniela Obers</i></p>", "Daniela Obers"),
            (
                "<span class=\"teaser-cat\"> By Mira Shah and Jon Roe </span>",
                "Mira Shah and Jon Roe",
            ),
            ("<div>Par Didier Roy</div>", "Didier Roy"),
        ] {
            let a = hourly_ferry(line);
            assert_eq!(a.byline.as_deref(), Some(name), "{line}");
            assert!(!a.text.contains(name), "{line}: {}", a.text);
        }
        for line in [
            "<p>By Monday the Harbour Board Had Voted</p>",
            "<p>By the pier</p>",
        ] {
            let a = hourly_ferry(line);
            assert_eq!(a.byline, None, "{line}");
        }
        let a = ferry_page(&format!(
            "<article><h1>Ferry to run hourly</h1>{}</article>\
             <section id=\"comments\" class=\"comments\"><h2>Comments</h2>\
             <div class=\"comment\"><p>By Jon Roe</p><p>See you on the boat.</p></div></section>",
            FERRY_PARA.repeat(5)
        ));
        assert_eq!(a.byline, None, "{}", a.text);
    }

    /// A blog's line names the author and dates the post in one ("Posted by … on …"), with a
    /// verb before the word for "by" in any language: both go to the view's header.
    #[test]
    fn a_line_that_names_the_author_and_the_day_gives_both() {
        for (line, name, day) in [
            (
                "<div>Posted by Mira Shah on March 3, 2021</div>",
                "Mira Shah",
                "2021-03-03",
            ),
            ("<p>Von Jon Roe am 26.02.2014</p>", "Jon Roe", "2014-02-26"),
            (
                "<div class=\"byline\">Submitted by mira on Mon, 2019-01-21 10:00</div>",
                "mira",
                "2019-01-21",
            ),
            (
                "<div class=\"byline\">04.02.2022 | 13:10 Uhr | Mira Shah</div>",
                "Mira Shah",
                "2022-02-04",
            ),
        ] {
            let a = hourly_ferry(line);
            assert_eq!(a.byline.as_deref(), Some(name), "{line}");
            assert_eq!(
                a.published.as_deref().map(|d| &d[..10]),
                Some(day),
                "{line}"
            );
            assert!(!a.text.contains(name), "{line}: {}", a.text);
        }
    }

    /// A page whose title is written for search engines matches none of its headings: its
    /// one `<h1>` is the headline the date and byline lines are read beside. Not a short one,
    /// a logo's. (The plan still judges the lines as on a page with no title heading: the date
    /// line stays in the text.)
    #[test]
    fn lines_beside_the_one_h1_date_a_page_whose_title_differs() {
        let page = |h1: &str| {
            let html = format!(
                "<!doctype html><html><head><title>Harbour timetables 2024 - compare ferry \
                 prices | Harbour News</title></head><body><article><h1>{h1}</h1>\
                 <p>von Mira Shah</p><p>12.05.2024</p>{}</article></body></html>",
                FERRY_PARA.repeat(5)
            );
            extract_ok(&html, "https://news.example/ferry")
        };
        let a = page("Ferry to run every hour from May");
        assert_eq!(a.published.as_deref(), Some("2024-05-12"), "{}", a.text);
        assert_eq!(a.byline.as_deref(), Some("Mira Shah"), "{}", a.text);
        let a = page("Harbour News");
        assert_eq!(a.published, None, "{}", a.text);
    }

    /// A page's header named like a site's (`card-box-header`, outside any `<article>`) that
    /// holds the title's heading is the article's own header, and its byline the byline.
    #[test]
    fn a_byline_in_a_header_that_holds_the_title_is_read() {
        let a = ferry_page(&format!(
            r#"
<div class="card-box-header"><h1>Ferry to run hourly</h1>
<div class="article-author"><a href="/latest?author=mira"><span>Mira Shah</span></a></div></div>
<div class="content">{}</div>"#,
            FERRY_PARA.repeat(8)
        ));
        assert_eq!(a.byline.as_deref(), Some("Mira Shah"), "{}", a.text);
    }

    /// An `<aside>` of the post's facts set under its title, in the box that holds it, gives
    /// the byline (and goes from the text, as its date does); an `<aside>` elsewhere on the
    /// page, a sidebar's author box, does not.
    #[test]
    fn a_byline_in_an_aside_of_facts_under_the_title_is_read() {
        let page = |facts: &str, sidebar: &str| {
            ferry_page(&format!(
                r#"
<article><header><h1>Ferry to run hourly</h1></header>{facts}
<div class="content">{}</div></article><aside class="widget">{sidebar}</aside>"#,
                FERRY_PARA.repeat(8)
            ))
        };
        let a = page(
            r#"<aside class="meta"><p class="authors">Von:<br><a href="/autor/mira-shah" class="author-name">Mira Shah</a></p></aside>"#,
            "",
        );
        assert_eq!(a.byline.as_deref(), Some("Mira Shah"), "{}", a.text);
        assert_absent(&a, &["Mira Shah", "Von:"]);
        let a = page(
            "",
            r#"<p class="author">Jon Roe</p><p>Jon writes about the harbour.</p>"#,
        );
        assert_eq!(a.byline, None, "{}", a.text);
    }

    /// A feed of other stories beside the article: each card is one link around its headline,
    /// byline and teaser. The byline there is another story's author, not this one's.
    #[test]
    fn a_byline_in_another_storys_card_is_not_the_byline() {
        let card = r#"<a class="feed-item" href="/2016/09/bridge-tolls.html"><div class="headline">Bridge tolls to rise in the spring</div>
<div class="byline"><span>By</span> <span>Jon Roe</span></div><div class="teaser">The toll board voted on Tuesday.</div></a>"#;
        let page = |own: &str| {
            ferry_page(&format!(
                r#"
<div class="content"><h1>Ferry to run hourly</h1>{own}{}</div><div class="feed">{card}</div>"#,
                FERRY_PARA.repeat(8)
            ))
        };
        let a = page("");
        assert_eq!(a.byline, None, "{}", a.text);
        // The author's own link around the byline is still read.
        let a = page(r#"<a href="/authors/mira"><span class="byline">By Mira Shah</span></a>"#);
        assert_eq!(a.byline.as_deref(), Some("Mira Shah"), "{}", a.text);
    }

    /// A news agency's dateline opens the first paragraph: the story's first words, not a
    /// byline line to take out, though named like one.
    #[test]
    fn a_dateline_that_opens_a_paragraph_stays_in_it() {
        let a = hourly_ferry(
            r#"<p><span class="dateline">KOBE &#8211; </span>Six ferries will cross to the island from May, after the pier reopens, the harbour board said on Tuesday, and the crews are trained.</p>"#,
        );
        assert!(a.text.starts_with("KOBE – Six ferries"), "{}", a.text);
    }

    /// Sites escape a post's title and summary once when they store them and again when they
    /// write them into `<title>` and `<meta>`: the reader sees the characters, not `&#039;`.
    #[test]
    fn a_title_and_summary_escaped_twice_read_as_written() {
        let a = ferry_page(&format!(
            r#"<meta name="description" content="&amp;quot;Every hour&amp;quot; from May, the board&amp;#039;s plan says."><article><h1>Ferry to run hourly</h1>{}</article>"#,
            FERRY_PARA.repeat(5)
        ));
        assert_eq!(
            a.excerpt.as_deref(),
            Some("\"Every hour\" from May, the board's plan says.")
        );
        let html = r#"<!doctype html><html><head><title>Don&amp;#039;t miss the ferry</title></head><body><article><p>The ferry will run every hour from May, the harbour board said, after a winter of repairs to the pier and the ramp.</p></article></body></html>"#;
        let a = extract_ok(html, "https://news.example/ferry");
        assert_eq!(a.title.as_deref(), Some("Don't miss the ferry"));
    }

    #[test]
    fn json_ld_comes_first() {
        let a = extract_ok(
            &fixture("metadata-jsonld.html"),
            "https://coastline.example/2024/03/tidal-power-severn/?utm_source=newsletter",
        );
        // The headline, not og:title's social variant nor the <title> tag.
        assert_eq!(
            a.title.as_deref(),
            Some("Tidal power: the quiet revolution on the Severn")
        );
        // The Person, not the CMS account name in <meta name=author>.
        assert_eq!(a.byline.as_deref(), Some("Megan Price"));
        assert!(
            a.published
                .as_deref()
                .unwrap_or("")
                .starts_with("2024-03-18"),
            "published is datePublished, not dateModified: {:?}",
            a.published
        );
        assert_eq!(a.site_name.as_deref(), Some("Coastline Magazine"));
        assert_eq!(a.lang.as_deref(), Some("en-GB"));
        assert_eq!(
            a.url.as_deref(),
            Some("https://coastline.example/2024/03/tidal-power-severn/")
        );
        assert_eq!(
            a.lead_image.as_deref(),
            Some("https://coastline.example/wp-content/uploads/2024/03/severn-bore.jpg")
        );
        assert_eq!(
            a.excerpt.as_deref(),
            Some("A barrage across the Severn has been proposed for two hundred years. This time the engineers think it will happen.")
        );
        assert!(!a.text.contains("Posted on") && !a.text.contains("18 March 2024"));
    }

    #[test]
    fn a_json_ld_headline_foreign_to_the_page_is_not_the_title() {
        let page = |headline: &str| {
            ferry_page(&format!(
                r#"<script type="application/ld+json">{{"@type":"NewsArticle","headline":"{headline}"}}</script><article><h1>Ferry to run hourly</h1>{}</article>"#,
                FERRY_PARA.repeat(5)
            ))
        };
        // A CMS's placeholder, where the <title> and the page's own <h1> agree.
        assert_eq!(
            page("escenic").title.as_deref(),
            Some("Ferry to run hourly")
        );
        // A headline worded otherwise than the <title> is still the headline.
        assert_eq!(
            page("Hourly ferries from May").title.as_deref(),
            Some("Hourly ferries from May")
        );
        // A wiki's summary set as the headline is a sentence about the page, not its title.
        let summary = "The hourly ferry is a service across the harbour that the council \
                       started in May after the pier was repaired.";
        assert_eq!(page(summary).title.as_deref(), Some("Ferry to run hourly"));
        // A long headline that is no sentence is still the headline.
        let long = "Ferry to run hourly from May as the council reopens the pier after a \
                    winter of repairs";
        assert_eq!(page(long).title.as_deref(), Some(long));
    }

    /// A section's name set as every page's `og:title` is not the story's title, where the
    /// `<title>` and the page's `<h1>` agree on it; a longer one, worded otherwise, still is
    /// (as Readability has it), and an `<h1>` of one word (the section's) vouches for no
    /// `<title>`.
    #[test]
    fn an_og_title_foreign_to_the_page_is_not_the_title() {
        let page = |og: &str, h1: &str| {
            ferry_page(&format!(
                r#"<meta property="og:title" content="{og}"><article><h1>{h1}</h1><h2>Ferry to run hourly</h2>{}</article>"#,
                FERRY_PARA.repeat(5)
            ))
        };
        let a = page("Pressemitteilungen", "Ferry to run hourly");
        assert_eq!(a.title.as_deref(), Some("Ferry to run hourly"));
        assert_eq!(
            page("Hourly ferries from May", "Ferry to run hourly")
                .title
                .as_deref(),
            Some("Hourly ferries from May")
        );
        assert_eq!(
            page("Harbour News - Latest Headlines", "Ferry to run hourly")
                .title
                .as_deref(),
            Some("Harbour News - Latest Headlines")
        );
        assert_eq!(
            page("Tide tables", "Ferry").title.as_deref(),
            Some("Tide tables")
        );
    }

    #[test]
    fn json_ld_type_in_any_case_and_padded() {
        let html = fixture("metadata-jsonld.html").replacen(
            "type=\"application/ld+json\"",
            "type=\" Application/LD+JSON \"",
            1,
        );
        assert!(html.contains("Application/LD+JSON"));
        let a = extract_ok(
            &html,
            "https://coastline.example/2024/03/tidal-power-severn/",
        );
        assert_eq!(
            a.title.as_deref(),
            Some("Tidal power: the quiet revolution on the Severn")
        );
        assert_eq!(a.byline.as_deref(), Some("Megan Price"));
    }

    #[test]
    fn open_graph_beats_the_title_tag() {
        let a = extract_ok(
            &fixture("metadata-og.html"),
            "https://railweekly.example/sleepers/alps-night-trains",
        );
        assert_eq!(a.title.as_deref(), Some("Night trains return to the Alps"));
        assert_eq!(a.byline.as_deref(), Some("Tomás Ferreira"));
        assert_published(&a, "2023-11-02");
        assert_eq!(a.site_name.as_deref(), Some("Rail Weekly"));
        assert!(a
            .text
            .contains("you can fall asleep in Zurich and wake up in the Austrian Alps"));
    }

    /// Sites write their name into their Open Graph title too; the view shows the site in
    /// a field of its own, so the headline comes without it.
    #[test]
    fn a_meta_title_loses_the_sites_name() {
        let a = hourly_ferry(
            r#"<meta property="og:site_name" content="Harbour Times"><meta property="og:title" content="Ferry to run hourly from May - Harbour Times">"#,
        );
        assert_eq!(a.title.as_deref(), Some("Ferry to run hourly from May"));
        assert_eq!(a.site_name.as_deref(), Some("Harbour Times"));
    }

    /// A section put before the headline in the Open Graph title ("Opinion | …") is not
    /// part of the headline the page shows in its `<h1>`.
    #[test]
    fn a_meta_title_loses_a_section_the_heading_leaves_out() {
        let a =
            hourly_ferry(r#"<meta property="og:title" content="Opinion | Ferry to run hourly">"#);
        assert_eq!(a.title.as_deref(), Some("Ferry to run hourly"));
    }

    /// `article:author` asks for a profile's address, and sites copy it into `author`: an
    /// address names no one, and the byline on the page does.
    #[test]
    fn an_author_given_as_an_address_is_not_the_byline() {
        let a = hourly_ferry(
            r#"<meta name="author" content="https://www.facebook.com/harbourtimes"><p class="byline">By Mira Shah</p>"#,
        );
        assert_eq!(a.byline.as_deref(), Some("Mira Shah"), "{}", a.text);
    }

    /// Sites name themselves as the author (`<meta name="author" content="Harbour Times">`):
    /// the byline the page shows names the writer. Without one, the name given stays (a
    /// blog is often named for its author).
    #[test]
    fn an_author_that_is_the_sites_name_gives_way_to_the_byline_shown() {
        let site = r#"<meta name="author" content="Harbour Times"><meta property="og:site_name" content="Harbour Times">"#;
        let a = hourly_ferry(&format!(r#"{site}<p class="byline">By Mira Shah</p>"#));
        assert_eq!(a.byline.as_deref(), Some("Mira Shah"), "{}", a.text);
        assert_eq!(a.site_name.as_deref(), Some("Harbour Times"));
        let a = hourly_ferry(site);
        assert_eq!(a.byline.as_deref(), Some("Harbour Times"));
        // A recommendation tag that names the writer beside it names the byline.
        let a = hourly_ferry(&format!(
            r#"{site}<meta property="cXenseParse:author" content="Mira Shah">"#
        ));
        assert_eq!(a.byline.as_deref(), Some("Mira Shah"));
    }

    /// A link to the writer's page on the site names the writer, as `rel="author"` does.
    #[test]
    fn a_link_to_the_authors_page_is_the_byline() {
        let a = hourly_ferry(r#"<p><a href="/autor/mira-shah">Mira Shah</a> / 22.04.2020</p>"#);
        assert_eq!(a.byline.as_deref(), Some("Mira Shah"), "{}", a.text);
        assert!(!a.text.contains("Mira Shah"), "{}", a.text);
    }

    /// The metas some CMSes name the writer in, without any `author`.
    #[test]
    fn authors_in_other_metas_are_read() {
        for meta in [
            r#"<meta property="article:author_name" content="Mira Shah">"#,
            r#"<meta name="sailthru.author" content="Mira Shah">"#,
            r#"<meta property="og:article:author" content="Mira Shah">"#,
        ] {
            assert_eq!(
                hourly_ferry(meta).byline.as_deref(),
                Some("Mira Shah"),
                "{meta}"
            );
        }
    }

    #[test]
    fn title_tag_alone_is_cleaned_and_the_visible_byline_found() {
        let a = extract_ok(
            &fixture("metadata-title-only.html"),
            "https://homeandgarden.example/plumbing/leaking-tap.html",
        );
        assert_eq!(a.title.as_deref(), Some("How to repair a leaking tap"));
        assert_eq!(a.byline.as_deref(), Some("Sam Okafor"));
        assert!(
            !a.text.contains("Sam Okafor"),
            "byline line left in text:\n{}",
            a.text
        );
        assert!(a.text.starts_with("A dripping tap wastes more water"));
    }

    #[test]
    fn site_name_suffixes_come_off_titles() {
        let page = fixture("title-suffix.html");
        for (raw, want) in [
            (
                "The Winter Ferry by Rosa Lind review | Harbour Review",
                "The Winter Ferry by Rosa Lind review",
            ),
            (
                "The Winter Ferry by Rosa Lind review - Harbour Review",
                "The Winter Ferry by Rosa Lind review",
            ),
            (
                "The Winter Ferry by Rosa Lind review – Harbour Review",
                "The Winter Ferry by Rosa Lind review",
            ),
            (
                "The Winter Ferry by Rosa Lind review — Harbour Review",
                "The Winter Ferry by Rosa Lind review",
            ),
            (
                "The Winter Ferry by Rosa Lind review | Books | Harbour Review",
                "The Winter Ferry by Rosa Lind review",
            ),
            (
                "Review: The Winter Ferry by Rosa Lind | Harbour Review",
                "Review: The Winter Ferry by Rosa Lind",
            ),
            (
                "Self-help for sailors: The Winter Ferry reviewed - Harbour Review",
                "Self-help for sailors: The Winter Ferry reviewed",
            ),
            (
                "The Winter Ferry: a novel of the northern route",
                "The Winter Ferry: a novel of the northern route",
            ),
        ] {
            let a = extract_ok(
                &page.replace("__TITLE__", raw),
                "https://harbourreview.example/books/winter-ferry",
            );
            assert_eq!(a.title.as_deref(), Some(want), "<title>{raw}</title>");
        }
    }
}

mod charset {
    use super::*;

    fn extract_file(name: &str, url: &str) -> quietpage::Article {
        let a = quietpage::extract_bytes(&fixture_bytes(name), Some(url), &Options::default())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_article_invariants(&a);
        assert!(
            !a.text.contains('\u{fffd}'),
            "{name} decoded with replacement characters"
        );
        a
    }

    #[test]
    fn windows_1251_declared_by_meta_charset() {
        let a = extract_file("cp1251.html", "https://gorod.example/news/most-fontanka");
        assert_eq!(
            a.title.as_deref(),
            Some("В Петербурге открылся новый пешеходный мост через Фонтанку")
        );
        assert_eq!(a.lang.as_deref(), Some("ru"));
        assert_text_is(
            &a.text,
            &[
                "В среду в Санкт-Петербурге открыли новый пешеходный мост через реку Фонтанку. Строительство заняло почти два года и обошлось городу в 640 миллионов рублей.",
                "Мост соединил Летний сад с Соляным переулком. По словам архитекторов, его форма повторяет очертания старой деревянной переправы, которая стояла здесь в XVIII веке.",
                "Жители района уже оценили новинку: теперь путь от метро до набережной занимает не двадцать минут, а всего семь.",
                "Вечером мост подсвечивается тёплым светом, а зимой его настил будут подогревать, чтобы избежать наледи.",
            ],
        );
    }

    #[test]
    fn shift_jis_declared_by_http_equiv() {
        let a = extract_file("shift-jis.html", "https://machikado.example/news/20240401");
        assert_eq!(
            a.title.as_deref(),
            Some("京都の老舗和菓子店、創業三百年を迎える")
        );
        assert_text_is(
            &a.text,
            &[
                "京都市中京区にある和菓子店「松風堂」が、今年で創業三百年を迎えた。店では記念の限定菓子を販売している。",
                "十代目の店主、山田花子さん（五十二）は「季節の移ろいを菓子で伝えることを大切にしてきた」と話す。",
                "記念菓子は桜と抹茶を使った二種類で、一日百個限定。開店前から行列ができる日もあるという。",
                "店は今後、若い職人の育成にも力を入れ、伝統の技を次の世代に引き継いでいく方針だ。",
            ],
        );
    }

    #[test]
    fn undeclared_legacy_bytes_read_as_windows_1252() {
        let a = extract_file("latin1-undeclared.html", "https://quartier.example/marche");
        assert!(
            a.text.contains(
                "Le marché de la place Saint-Michel rouvre samedi après trois mois de travaux."
            ),
            "{}",
            a.text
        );
        assert!(a
            .text
            .contains("« C'est plus agréable pour tout le monde », explique une maraîchère"));
    }

    #[test]
    fn utf8_with_byte_order_mark() {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend(fixture_bytes("rtl-hebrew-main.html"));
        let a = quietpage::extract_bytes(
            &bytes,
            Some("https://shchuna.example/news/market"),
            &Options::default(),
        )
        .expect("an article");
        assert_eq!(a.title.as_deref(), Some("שוק האיכרים חוזר לכיכר העירייה"));
        assert!(!a.text.contains('\u{feff}') && !a.text.contains('\u{fffd}'));
    }
}

mod refusals {
    use super::*;

    fn bytes_err(bytes: &[u8]) -> Error {
        match quietpage::extract_bytes(bytes, None, &Options::default()) {
            Ok(a) => panic!("expected a refusal, got an article: {:?}", a.text),
            Err(e) => e,
        }
    }

    #[test]
    fn empty_input_is_not_html() {
        for input in ["", "   \n\t  \r\n"] {
            assert_eq!(
                extract_err(input, None, &Options::default()),
                Error::NotHtml,
                "{input:?}"
            );
            assert_eq!(bytes_err(input.as_bytes()), Error::NotHtml, "{input:?}");
        }
    }

    #[test]
    fn binary_files_are_not_html() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x02\0\0\0\x90\x91h6\0\0\0\x0cIDATx\x9cc\xf8\xff\xff?\0\x05\xfe\x02\xfe\xa7\x35\x81\x84\0\0\0\0IEND\xaeB`\x82";
        let pdf =
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n";
        let gzip = b"\x1f\x8b\x08\0\0\0\0\0\0\x03\xb3\xc9\x28\xc9\xcd\xb1\xe3\x02\0\x7f\x5c\x8e\x1e\x07\0\0\0";
        let zeros = [0u8; 4096];
        for (name, bytes) in [
            ("png", &png[..]),
            ("pdf", &pdf[..]),
            ("gzip", &gzip[..]),
            ("zeros", &zeros[..]),
        ] {
            assert_eq!(bytes_err(bytes), Error::NotHtml, "{name}");
        }
    }

    #[test]
    fn json_is_not_html() {
        for input in [
            r#"{"title": "Council approves cycle lanes", "body": "<p>Protected cycle lanes will be built along the full length of Station Road.</p>"}"#,
            "[1, 2, 3]\n",
            "  \n{\"ok\": true}",
        ] {
            assert_eq!(
                extract_err(input, None, &Options::default()),
                Error::NotHtml,
                "{input}"
            );
            assert_eq!(bytes_err(input.as_bytes()), Error::NotHtml, "{input}");
        }
    }

    #[test]
    fn page_of_only_navigation_has_no_article() {
        let e = extract_err(
            &fixture("nav-only.html"),
            Some("https://www.example.org/sections/"),
            &Options::default(),
        );
        assert_eq!(e, Error::NoArticle);
    }

    /// A short page (a book's chapter opening) under a site's search box and a menu toggle is
    /// still read: those controls are on every page of the site, not the form the page is for.
    #[test]
    fn a_short_page_under_a_search_box_is_read() {
        let page = |search: &str| {
            format!(
                "<html><head><title>Getting Started</title></head><body><div id=\"wrapper\">\
                 <input type=\"checkbox\" id=\"sidebar-toggle\" class=\"hidden\">\
                 <div class=\"page\"><div class=\"bar\">{search}</div><div class=\"content\"><main>\
                 <h1>Getting Started</h1><p>Let's start your journey! There is a lot to \
                 learn, but every journey starts somewhere. In this chapter, we'll discuss:</p>\
                 <ul><li>Installing the tools on Linux, macOS and Windows</li>\
                 <li>Writing a program that prints a greeting</li></ul></main></div></div></div>\
                 </body></html>"
            )
        };
        for search in [
            "<input type=\"search\" name=\"q\" placeholder=\"Search this book\">",
            "<form role=\"search\"><input type=\"text\" name=\"q\"></form>",
            "<search><form><input name=\"q\"></form></search>",
        ] {
            let a = extract_ok(&page(search), "https://book.example.org/ch01.html");
            assert_present(&a, &["Let's start your journey!", "Writing a program"]);
        }
    }

    #[test]
    fn sign_in_page_has_no_article() {
        let e = extract_err(
            &fixture("login-page.html"),
            Some("https://www.example.org/login"),
            &Options::default(),
        );
        assert_eq!(e, Error::NoArticle);
    }

    #[test]
    fn oversized_input_is_refused_with_its_size() {
        let page = fixture("news-seed.html");
        let options = Options {
            max_input_bytes: 1024,
            ..Options::default()
        };
        let want = Error::TooLarge {
            size: page.len(),
            limit: 1024,
        };
        assert_eq!(extract_err(&page, None, &options), want);
        match quietpage::extract_bytes(page.as_bytes(), None, &options) {
            Err(e) => assert_eq!(e, want),
            Ok(_) => panic!("extract_bytes ignored max_input_bytes"),
        }
    }

    #[test]
    fn input_exactly_at_the_limit_is_read() {
        let page = fixture("hidden-nodes.html");
        let options = Options {
            max_input_bytes: page.len(),
            ..Options::default()
        };
        extract_with(
            &page,
            "https://riverside-courier.example/news/night-buses",
            &options,
        );
    }
}

mod robustness {
    use super::*;
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};

    #[test]
    fn omitted_end_tags_read_as_a_browser_reads_them() {
        let a = extract_ok(
            &fixture("omitted-end-tags.html"),
            "https://birdwatch.example/notes/swifts-2024",
        );
        assert_eq!(
            a.title.as_deref(),
            Some("Field notes: counting swifts over the old town")
        );
        let b = blocks(&a.text);
        for p in [
            "The swifts came back on the fourth of May, three days later than last year, and by the end of the week there were screaming parties over every street in the old town.",
            "We counted from the church tower at dusk on five evenings, each of us watching one quarter of the sky and calling out groups as they passed.",
            "The totals, evening by evening:",
            "Two nest sites under the eaves of the old bakery have gone, lost when the roof was repaired in the winter. The owner has agreed to put up boxes in their place.",
            "We will count again in the second week of July, when the young birds have fledged and the evening parties are at their largest.",
        ] {
            assert!(b.contains(&p), "paragraph missing or merged: {p:?}\n{}", a.text);
        }
        let lines = unmarked_lines(&a.text);
        for item in [
            "Monday: 212 birds",
            "Tuesday: 188 birds",
            "Wednesday: 240 birds",
            "Thursday: 97 birds, in rain",
            "Friday: 231 birds",
        ] {
            assert!(
                lines.iter().any(|l| l == item),
                "list item {item:?} is not its own line:\n{}",
                a.text
            );
        }
        assert_in_order(
            &a.text,
            &[
                "Best evening",
                "Wednesday, with a single party",
                "Worst evening",
                "North",
                "301",
                "West",
                "184",
            ],
        );
        assert_eq!(count_elements(&a.content_html, "li"), 5);
        assert_eq!(count_elements(&a.content_html, "tr"), 5);
    }

    #[test]
    fn tag_soup_is_read_or_refused_cleanly() {
        let result = quietpage::extract(
            &fixture("unclosed-soup.html"),
            Some("http://members.example.net/~tom/diary/week23.html"),
            &Options::default(),
        );
        match result {
            Ok(a) => {
                assert_article_invariants(&a);
                assert_in_order(
                    &a.text,
                    &[
                        "After three weeks of cold nights the runner beans have finally started to climb.",
                        "nothing works as well as going out with a torch",
                        "The onions are the best I have ever grown",
                        "Next week: netting the strawberries",
                    ],
                );
            }
            Err(e) => assert!(
                matches!(e, Error::NoArticle | Error::Parse(_)),
                "an HTML page refused as {e:?}"
            ),
        }
    }

    /// Set in the child process that [`deep_nesting_does_not_crash`] starts.
    const CHILD: &str = "QUIETPAGE_TEST_DEEP_NESTING_CHILD";

    /// Runs the deep-nesting cases in a child process: a stack overflow aborts the whole
    /// process, which would take every other test down with it and hide the cause.
    #[test]
    fn deep_nesting_does_not_crash() {
        // Linear work takes a few seconds here even unoptimised; a walk up the ancestors of
        // every node over 100,000 levels does not finish in time.
        const BUDGET: Duration = Duration::from_secs(60);
        let started = Instant::now();
        let mut child = Command::new(std::env::current_exe().expect("test binary"))
            .args(["robustness::deep_nesting_child", "--exact", "--nocapture"])
            .env(CHILD, "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run the child test");
        let timed_out = loop {
            if child.try_wait().expect("child status").is_some() {
                break false;
            }
            if started.elapsed() > BUDGET {
                let _ = child.kill();
                break true;
            }
            std::thread::sleep(Duration::from_millis(50));
        };
        let out = child.wait_with_output().expect("child output");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            !timed_out,
            "deeply nested pages took more than {BUDGET:?}:\n{stdout}\n{stderr}"
        );
        assert!(
            out.status.success() && stdout.contains("1 passed"),
            "deeply nested pages crashed the extractor ({}):\n{stdout}\n{stderr}",
            out.status
        );
    }

    #[test]
    fn deep_nesting_child() {
        if std::env::var_os(CHILD).is_none() {
            return;
        }
        const DEPTH: usize = 100_000;
        let para = "<p>Deep inside a hundred thousand containers there is still a paragraph of ordinary text, long enough to be read as an article by anyone who finds it.</p>";
        let cases = [
            (
                "nested divs",
                format!(
                    "<!DOCTYPE html><title>Deep</title><body>{}{para}{}",
                    "<div>".repeat(DEPTH),
                    "</div>".repeat(DEPTH)
                ),
            ),
            (
                "unclosed divs",
                format!(
                    "<!DOCTYPE html><title>Deep</title><body>{}{para}",
                    "<div class=\"wrap\">".repeat(DEPTH)
                ),
            ),
            (
                "nested inline",
                format!(
                    "<!DOCTYPE html><title>Deep</title><body><p>{}</p>{para}",
                    "<b><i>".repeat(DEPTH)
                ),
            ),
            (
                "nested lists",
                format!(
                    "<!DOCTYPE html><title>Deep</title><body>{}{para}",
                    "<ul><li>".repeat(DEPTH)
                ),
            ),
        ];
        // Run on a 1 MiB stack, as much as a browser gives WebAssembly.
        let handle = std::thread::Builder::new()
            .stack_size(1 << 20)
            .spawn(move || {
                for (name, html) in cases {
                    eprintln!("{name}: {} bytes, extracting", html.len());
                    let started = Instant::now();
                    let result = quietpage::extract(
                        &html,
                        Some("https://deep.example/"),
                        &Options::default(),
                    );
                    eprintln!(
                        "{name}: {:?} in {:?}",
                        result.as_ref().map(|_| "article"),
                        started.elapsed()
                    );
                    match result {
                        Ok(a) => assert_article_invariants(&a),
                        Err(e) => assert!(
                            matches!(
                                e,
                                Error::NoArticle | Error::MemoryLimit { .. } | Error::Parse(_)
                            ),
                            "{name}: refused as {e:?}"
                        ),
                    }
                }
            })
            .expect("spawn");
        handle.join().expect("deep nesting panicked");
    }

    /// A small deterministic generator: no crate needed, and every run tests the same inputs.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
            items[(self.next() % items.len() as u64) as usize]
        }
    }

    #[test]
    fn hostile_fragments_never_panic() {
        const PIECES: &[&str] = &[
            "<div>",
            "</div>",
            "<p>",
            "</p>",
            "<span class=\"x\">",
            "</span>",
            "<a href=\"",
            "\">",
            "</a>",
            "<img src=\"data:image/gif;base64,R0lGOD\" data-src=\"/a.jpg\">",
            "<picture><source srcset=\"",
            "</picture>",
            "<noscript>",
            "</noscript>",
            "<script>",
            "</script>",
            "<style>",
            "</style>",
            "<!--",
            "-->",
            "<![CDATA[",
            "]]>",
            "<svg>",
            "<math>",
            "</svg>",
            "<table><td>",
            "<tr>",
            "</table>",
            "<pre>",
            "</pre>",
            "<br>",
            "<base href=\"../x/\">",
            "<meta charset=\"shift_jis\">",
            "&amp;",
            "&#x110000;",
            "&#0;",
            "&",
            "&#",
            "<",
            ">",
            "\"",
            "'",
            "\u{0}",
            "\u{feff}",
            "é",
            "ش",
            "😀",
            "Some words of ordinary text, enough to look like a sentence. ",
            "<h1>",
            "</h1>",
            "<h2>",
            "<figure>",
            "<figcaption>",
            "<template>",
            "</template>",
            "<textarea>",
            "<title>",
            "</title>",
            "<plaintext>",
            "<iframe srcdoc=\"<p>x</p>\">",
            "<body>",
            "<html>",
            "</html>",
            "<a href=\"javascript:alert(1)\">",
            "<p style=\"display:none\">",
            "<div hidden>",
            "<div aria-hidden=true>",
            "<li>",
            "<ul>",
            "<ol>",
            "<dl><dt>",
            "<form><input>",
            "<select><option>",
            "<video poster=\"p.jpg\">",
            "<source src=\"v.mp4\">",
        ];
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        for case in 0..400 {
            let len = 1 + (rng.next() % 300) as usize;
            let html: String = (0..len).map(|_| rng.pick(PIECES)).collect();
            let result = std::panic::catch_unwind(|| {
                let a = quietpage::extract(
                    &html,
                    Some("https://fuzz.example/a/b.html"),
                    &Options::default(),
                );
                let b = quietpage::extract_bytes(html.as_bytes(), None, &Options::default());
                (a, b)
            });
            match result {
                Ok((a, b)) => {
                    for article in [a, b].into_iter().flatten() {
                        assert_well_formed(&article.content_html);
                        assert_inert(&article.content_html);
                        assert_text_layout(&article.text);
                    }
                }
                Err(_) => panic!("case {case} panicked on input:\n{html}"),
            }
        }
        // Raw bytes too: invalid UTF-8, stray BOMs, NULs.
        for case in 0..200 {
            let len = (rng.next() % 2000) as usize;
            let mut bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
            if case % 2 == 0 {
                bytes.splice(0..0, b"<!DOCTYPE html><p>".iter().copied());
            }
            let result = std::panic::catch_unwind(|| {
                quietpage::extract_bytes(&bytes, Some("https://fuzz.example/"), &Options::default())
            });
            assert!(result.is_ok(), "byte case {case} panicked on {bytes:?}");
        }
    }
}

mod text_format {
    use super::*;

    const P1: &str = "When the city lowered its speed limit to twenty miles an hour, the predictions were dire. Journeys would take far longer, shops would lose trade, and drivers would simply ignore the signs.";
    const P2: &str = "None of that happened. Average journey times rose by less than a minute, according to the city's own review, while serious injuries fell by almost a quarter.";
    const H2: &str = "What changed on the ground";
    const P3: &str = "The review lists three things that changed within a year:";
    const QUOTE: &str =
        "We expected complaints. What we got was people asking when their street would be next.";
    const P4: &str = "That, more than any statistic, is the argument for slowing down: once people have lived with calmer streets, very few of them want to go back.";

    fn article() -> quietpage::Article {
        extract_ok(
            &fixture("text-format.html"),
            "https://streets.example/essays/slower-cities",
        )
    }

    #[test]
    fn paragraphs_and_headings_are_blocks_with_whitespace_collapsed() {
        let a = article();
        let b = blocks(&a.text);
        assert_eq!(b.get(..4), Some(&[P1, P2, H2, P3][..]), "\n{}", a.text);
        assert_eq!(b.last(), Some(&P4));
    }

    /// A blank line an editor filled with a zero-width space shows nothing: neither the
    /// view nor the text keeps an empty paragraph for it. One inside a word stays.
    #[test]
    fn a_paragraph_of_a_zero_width_space_goes() {
        let a = ferry_story(
            "",
            "<p><span>&#8203;</span></p><p><span>\u{200b}</span> </p>\
             <p>The co&#8203;operative runs the kiosk.</p><p>&#xFEFF;</p>",
        );
        assert!(!a.content_html.contains("<p><span>"), "{}", a.content_html);
        assert!(
            a.text
                .ends_with("\n\nThe co\u{200b}operative runs the kiosk."),
            "{:?}",
            a.text
        );
    }

    #[test]
    fn list_items_are_lines_of_their_own() {
        let a = article();
        let lines = unmarked_lines(&a.text);
        for item in [
            "Fewer collisions at junctions, especially involving people on foot.",
            "More children walking or cycling to school.",
            "Lower noise on residential streets at night.",
        ] {
            assert!(
                lines.iter().any(|l| l == item),
                "{item:?} not on its own line:\n{}",
                a.text
            );
        }
        assert_in_order(
            &a.text,
            &[
                P3,
                "Fewer collisions",
                "More children",
                "Lower noise",
                QUOTE,
                P4,
            ],
        );
    }

    #[test]
    fn quotation_is_a_block_of_its_own() {
        let a = article();
        let quote_block = blocks(&a.text)
            .into_iter()
            .find(|b| b.contains(QUOTE))
            .expect("the quotation");
        let bare = quote_block
            .trim_start_matches(['>', ' ', '“', '"'])
            .trim_end_matches(['”', '"']);
        assert_eq!(
            bare, QUOTE,
            "the quotation shares its block with something else"
        );
        assert_eq!(count_elements(&a.content_html, "blockquote"), 1);
    }

    #[test]
    fn no_title_byline_or_date_lines() {
        let a = article();
        for line in a.text.lines() {
            for furniture in [
                "The case for slower cities",
                "By Priya Raman",
                "Priya Raman",
                "June 3, 2024",
            ] {
                assert_ne!(
                    line.trim(),
                    furniture,
                    "a furniture line in text:\n{}",
                    a.text
                );
            }
        }
        assert!(a.text.starts_with(P1));
        assert_eq!(a.title.as_deref(), Some("The case for slower cities"));
        assert_eq!(a.byline.as_deref(), Some("Priya Raman"));
        assert_published(&a, "2024-06-03");
    }
}

mod reading_time {
    use super::*;

    /// Reading minutes a reader would find fair: between a fast (300 wpm) and an unhurried
    /// (200 wpm) reading, never zero.
    fn sensible_minutes(words: usize) -> std::ops::RangeInclusive<u32> {
        let fast = ((words as f64 / 300.0).round() as u32).max(1);
        let slow = (words.div_ceil(200) as u32).max(1);
        fast..=slow
    }

    #[test]
    fn long_read_counts_its_words_and_minutes() {
        let a = extract_ok(
            &fixture("long-read.html"),
            "https://longreads.example/history/the-last-keepers",
        );
        let in_text = a.text.split_whitespace().count();
        assert!(
            (790..=840).contains(&in_text),
            "the essay is about 813 words; text has {in_text}"
        );
        assert!(
            a.word_count.abs_diff(in_text) * 50 <= in_text,
            "word_count {} disagrees with the {in_text} words of text",
            a.word_count
        );
        assert!(
            sensible_minutes(a.word_count).contains(&a.reading_minutes),
            "{} minutes for {} words",
            a.reading_minutes,
            a.word_count
        );
    }

    #[test]
    fn short_article_takes_one_minute() {
        let a = extract_ok(
            &fixture("hidden-nodes.html"),
            "https://riverside-courier.example/news/night-buses",
        );
        assert!(a.word_count < 200);
        assert_eq!(a.reading_minutes, 1);
    }
}

mod legacy_pages {
    use super::*;

    /// A story set as runs of bare text and `<br>`s with its subheadings between them (a
    /// news site's `text<br><br><h2>…</h2>text`): each subheading heads the text after it,
    /// the last one too, though no element of text follows it.
    #[test]
    fn subheadings_between_runs_of_bare_text_stay() {
        let run = |n: usize| {
            (0..3)
                .map(|i| format!("The committee met again on the {n}th and heard from the treasury, the unions and the retailers, who all asked for more time ({i})."))
                .collect::<Vec<_>>()
                .join("<br><br>")
        };
        let html = format!(
            "<html><head><title>Rates held for a third month</title>\
             <meta property=\"article:published_time\" content=\"2026-12-04T10:38:00+05:30\">\
             </head><body>\
             <nav><a href=\"/\">Home</a> <a href=\"/markets\">Markets</a></nav>\
             <article><h1>Rates held for a third month</h1><div class=\"story\">{}<br><br>\
             <h2>Growth forecast revised upwards</h2>{}<br><br>\
             <h2>Inflation projection lowered</h2>{}</div>\
             <div class=\"first-published\">First Published: Dec 04 2026 | 10:38 AM IST</div>\
             </article></body></html>",
            run(1),
            run(2),
            run(3)
        );
        let a = extract_ok(&html, "https://paper.example/markets/rates-held");
        assert_in_order(
            &a.text,
            &[
                "on the 1th",
                "Growth forecast revised upwards",
                "on the 2th",
                "Inflation projection lowered",
                "on the 3th",
            ],
        );
        assert!(!a.text.contains("First Published"), "{}", a.text);
    }

    #[test]
    fn inline_svg_does_not_cut_the_article_short() {
        let a = extract_ok(
            &fixture("inline-svg.html"),
            "https://shoreline.example/guides/tide-tables",
        );
        assert_in_order(
            &a.text,
            &[
                "A tide table lists the times and heights",
                "which is why the rule of twelfths is so useful.",
                "The rule says that in the first hour after low water",
                "that third hour is the one to worry about.",
                "strong winds and low pressure can push the sea higher than the prediction.",
            ],
        );
        for s in ["Shoreline Guides", "Menu"] {
            assert!(!a.text.contains(s), "{s:?} in text");
        }
    }

    #[test]
    fn scripts_and_comments_inside_them_are_not_text() {
        let a = extract_ok(
            &fixture("script-comment.html"),
            "https://crumb.example/breads/plain-loaf",
        );
        assert_text_is(
            &a.text,
            &[
                "Mix 500 grams of strong white flour with 10 grams of salt and 7 grams of dried yeast, then add 350 millilitres of warm water and stir until no dry flour is left.",
                "Knead on the worktop for ten minutes, until the dough is smooth and springs back when you press it. Cover the bowl and leave it somewhere warm for an hour, until doubled in size.",
                "Knock it back, shape it into a loaf, put it in a greased tin and leave it to rise for another forty minutes while the oven heats to 220 degrees.",
                "Bake for thirty to thirty-five minutes, until the loaf sounds hollow when tapped underneath, and let it cool on a rack before slicing.",
            ],
        );
        for s in [
            "upgrade your browser",
            "framed",
            "Injected",
            "Tracking pixel",
            "Turn on JavaScript",
        ] {
            assert!(!a.content_html.contains(s), "{s:?} in content_html");
        }
    }

    #[test]
    fn font_tags_empty_paragraphs_and_stray_breaks_are_tidied() {
        let a = extract_ok(
            &fixture("legacy-markup.html"),
            "http://wireless.example.net/restore1936.htm",
        );
        assert_eq!(a.title.as_deref(), Some("Restoring a 1930s wireless set"));
        assert_text_is(
            &a.text,
            &[
                "The set arrived in a cardboard box with its back missing and a mouse nest in the speaker. It is a four-valve superhet from 1936, and underneath the dust the cabinet is walnut veneer in surprisingly good condition.",
                "The first job was to check the mains transformer. Mine was sound, but the smoothing capacitors had dried out completely, as they almost always have after ninety years. I replaced them with modern parts hidden inside the old cans, so the chassis still looks original.",
                "Next came the valves. Three of the four tested fine; the rectifier was weak, and a replacement cost less than a pint of beer at a radio rally.",
                "With everything back in place I brought the set up slowly on a variac over an afternoon. At about two thirds of full voltage, a faint voice from a French station came out of the speaker, and it has worked every evening since.",
            ],
        );
        assert_eq!(count_elements(&a.content_html, "font"), 0, "<font> kept");
        for p in element_texts(&a.content_html, "p") {
            assert!(
                !p.trim_matches('\u{a0}').is_empty(),
                "an empty paragraph was kept"
            );
        }
    }

    #[test]
    fn table_of_contents_inside_the_article_is_kept() {
        let a = extract_ok(
            &fixture("toc.html"),
            "https://adminnotes.example/guides/small-office-backup",
        );
        assert_in_order(
            &a.text,
            &[
                "Most small offices have a backup plan that nobody has tested.",
                "What to keep",
                "Three copies, two places",
                "Testing the restore",
                "What to keep",
                "Start with a list of what would hurt to lose",
                "Three copies, two places",
                "Testing the restore",
                "Once a month, pick a file at random",
            ],
        );
        for s in ["Home", "Guides", "About", "Admin Notes"] {
            assert!(!a.text.contains(s), "{s:?} in text");
        }
    }
}

/// The question automatic cleanup asks before opening the view by itself.
mod probably_readable {
    use super::*;
    use quietpage::probably_readable;

    fn readable(html: &str) -> bool {
        probably_readable(html, &Options::default()).expect("a page, not a refusal")
    }

    #[test]
    fn articles_are() {
        for name in ["news-seed.html", "long-read.html", "rtl-arabic.html"] {
            assert!(readable(&fixture(name)), "{name}");
        }
    }

    #[test]
    fn front_pages_section_pages_and_forms_are_not() {
        // Cards of linked headlines with one-line summaries, and a long footer blurb.
        for name in ["front-page.html", "nav-only.html", "login-page.html"] {
            assert!(!readable(&fixture(name)), "{name}");
        }
    }

    #[test]
    fn hidden_text_and_page_furniture_do_not_make_an_article() {
        let para = "The harbour master said the new timetable would start in spring, once the \
                    repairs to the pier were finished and the crews had been trained on the boat.";
        let many = |wrap: &str| {
            let body: String = (0..8).map(|_| format!("<p>{para}</p>")).collect();
            format!(
                "<html><body><h1>Ferries</h1>{}</body></html>",
                wrap.replace("{}", &body)
            )
        };
        assert!(readable(&many("<article>{}</article>")));
        for wrap in [
            "<div hidden>{}</div>",
            "<div style=\"display: none\">{}</div>",
            "<aside>{}</aside>",
            "<footer>{}</footer>",
            "<nav>{}</nav>",
            "<ul><li>{}</li></ul>",
        ] {
            assert!(!readable(&many(wrap)), "{wrap}");
        }
    }

    #[test]
    fn refuses_what_extraction_refuses() {
        let options = Options {
            max_input_bytes: 100,
            ..Options::default()
        };
        let page = fixture("news-seed.html");
        assert!(matches!(
            probably_readable(&page, &options),
            Err(Error::TooLarge { .. })
        ));
        assert_eq!(
            probably_readable("{\"json\": true}", &Options::default()),
            Err(Error::NotHtml)
        );
    }
}

/// Selectors a user types for a site rule are checked with the words the options page shows.
mod site_rule_selectors {
    use super::*;
    use quietpage::{check_selector, SiteRule};

    fn reason(selector: &str) -> String {
        match check_selector(selector) {
            Err(Error::InvalidSelector { reason, .. }) => reason,
            other => panic!("{selector}: expected a refusal, got {other:?}"),
        }
    }

    #[test]
    fn what_lol_html_matches_is_accepted() {
        for ok in [
            "article",
            ".story-body",
            "main > div.content",
            "div#main p:not(.ad)",
            "[data-component=\"text-block\"]",
            "li:nth-child(2)",
            "article, .post",
        ] {
            assert!(check_selector(ok).is_ok(), "{ok}");
        }
    }

    #[test]
    fn what_it_cannot_match_is_refused_with_a_reason() {
        assert!(reason("h2 + p").contains("`+` combinator is not supported"));
        assert!(reason("h2 ~ p").contains("`~` combinator is not supported"));
        assert!(reason("div:has(> p)").contains("pseudo-classes"));
        assert!(reason("p:last-child").contains("pseudo-classes"));
        assert!(reason("").contains("empty"));
        assert!(!reason("div[").is_empty());
    }

    #[test]
    fn extraction_refuses_a_bad_rule_with_the_same_message() {
        let options = Options {
            site_rule: Some(SiteRule {
                content: Some("article".into()),
                remove: vec!["h2 + p".into()],
            }),
            ..Options::default()
        };
        let err = extract_err(&fixture("news-seed.html"), None, &options);
        assert_eq!(err, check_selector("h2 + p").unwrap_err());
        assert!(err
            .to_string()
            .starts_with("the selector `h2 + p` cannot be used: "));
    }
}

/// Links to other articles under a plain heading inside the article's body.
mod related_sections {
    use super::*;

    /// A wrapper named as content (`content-area#main-content`) outscores the story's own
    /// `<article>` and takes in what the page set after it: a list of links there is the
    /// site's "Top Stories", not the story's.
    #[test]
    fn links_after_the_storys_own_article_go() {
        let para = "The council said the new lanes, which run from the station to the harbour, \
                    would be finished before the summer, and that buses, taxis and delivery vans \
                    would keep their stops on both sides of the road while the work goes on.";
        let body: String = (0..10).map(|i| format!("<p>{para} ({i})</p>")).collect();
        let links: String = (0..4)
            .map(|i| {
                format!(
                    "<li><a href=\"/news/story-{i}\">Council story number {i} of the week</a></li>"
                )
            })
            .collect();
        let html = format!(
            "<html><head><title>Cycle lanes approved</title></head><body>\
             <div id=\"main-content\" class=\"content-area\"><div class=\"article-wrapper\">\
             <article><h1>Cycle lanes approved</h1><div class=\"rich-text\">{body}</div></article>\
             <section class=\"top-stories\"><h2>Top Stories</h2><ul>{links}</ul></section>\
             </div></div></body></html>"
        );
        let a = extract_ok(&html, "https://gazette.example/news/cycle-lanes");
        assert!(a.text.contains("(9)"), "{}", a.text);
        for absent in ["Top Stories", "Council story number"] {
            assert!(!a.text.contains(absent), "{absent}: {}", a.text);
        }
    }

    /// Six paragraphs of a story, then `tail` inside its article.
    pub(super) fn page(tail: &str) -> String {
        let body: String = (0..6)
            .map(|i| format!("<p>{FERRY_PARA} ({i})</p>\n"))
            .collect();
        format!(
            "<html><head><title>Ferry timetable</title></head><body><article>\
             <h1>Ferry timetable</h1>{body}{tail}</article></body></html>"
        )
    }

    /// The same box with its markup indented, as most pages write it (NRC's topics under
    /// "Meer over dit onderwerp"): the spaces between its children are no text of its own.
    #[test]
    fn an_indented_box_of_links_goes_with_its_heading() {
        let tag = |n: usize| {
            format!("\n      <li><a class=\"tag\" href=\"/tag/{n}\">Harbour topic {n}</a></li>")
        };
        let list: String = (1..=4).map(tag).collect();
        let a = ferry_story(
            &format!(
                "<p>{FERRY_PARA} (first)</p>\n  <section class=\"topics\">\n    \
                 <h3>Stories for you</h3>\n    <ul class=\"tags-list\">{list}\n    </ul>\n  \
                 </section>\n"
            ),
            "",
        );
        assert_absent(&a, &["Stories for you", "Harbour topic"]);
        assert_eq!(
            a.text.matches("repairs to the pier").count(),
            6,
            "{}",
            a.text
        );
    }

    /// A label set as a `<span>` at the head of a box, the list after it in the same box
    /// (NDTV's "Also Read" between two paragraphs): the label and the list go. A span that
    /// opens a sentence, in a paragraph or a `<div>` of text, says nothing of the links in it.
    #[test]
    fn a_span_that_labels_the_list_in_its_box_goes_with_it() {
        let a = ferry_story(
            &format!(
                "<p>{FERRY_PARA} (first)</p><div class=\"ins_rltd\" id=\"alsoRead\"><span \
                 class=\"ins_rltd_ttl\">Also Read</span><ul><li><a href=\"/news/bridge-10291833\">\
                 Bridge closes for repairs next week on the coast road as crews start work on \
                 the old span</a></li><li><a href=\"/news/cafe-10302476\">New café opens on \
                 the quay after a long winter of building work by the harbour board</a></li>\
                 </ul></div>"
            ),
            "",
        );
        assert_absent(&a, &["Also Read", "Bridge closes", "New café"]);
        assert_eq!(
            a.text.matches("repairs to the pier").count(),
            6,
            "{}",
            a.text
        );
        for block in ["p", "div"] {
            let a = ferry_story(
                &format!(
                    "<{block}><span>More from</span> <a href=\"/people/mayor\">the mayor</a>, \
                     who said the crews would be trained before the new timetable starts.\
                     </{block}>"
                ),
                "",
            );
            assert_present(
                &a,
                &["More from the mayor, who said the crews would be trained"],
            );
        }
    }

    /// A gallery's thumbnails, each a link to its picture, go; so does the heading over them
    /// ("Photo Gallery (Click to enlarge)"), which would head nothing.
    #[test]
    fn a_gallery_of_linked_thumbnails_goes_with_its_heading() {
        let thumb = |n: usize| {
            format!(
                "\n      <li><a href=\"/uploads/2025/10/pier-{n}.jpg\"><img \
                 src=\"/uploads/2025/10/pier-{n}-150x150.jpg\" alt=\"\" width=\"150\" \
                 height=\"150\"></a></li>"
            )
        };
        let thumbs: String = (1..=2).map(thumb).collect();
        let a = ferry_story(
            &format!(
                "<p>{FERRY_PARA} (first)</p>\n  <div class=\"photo-gallery-module\">\n    \
                 <h4 class=\"module-title\">Photo Gallery (Click to enlarge)</h4>\n    <ul \
                 class=\"gallery-thumbs\">{thumbs}\n    </ul>\n  </div>\n"
            ),
            "",
        );
        assert_absent(&a, &["Photo Gallery"]);
        assert!(
            !a.content_html.contains("pier-1-150x150"),
            "{}",
            a.content_html
        );
        assert_eq!(
            a.text.matches("repairs to the pier").count(),
            6,
            "{}",
            a.text
        );
    }

    /// A box of other stories set between two paragraphs, its heading over a list of
    /// headlines whatever the heading says, with a count of them for screen readers: all of
    /// it goes. A heading that only shared its box with share buttons stays.
    #[test]
    fn a_box_of_headlines_in_the_story_goes_with_its_heading() {
        let headline = |n: usize| {
            format!(
                "<li class=\"more-on__item\"><div class=\"more-on__item-inner\">\
                 <a class=\"more-on__link\" href=\"/s/{n}\"><span>Harbour story number {n} \
                 in the region</span></a></div></li>"
            )
        };
        let list: String = (1..=4).map(headline).collect();
        let a = ferry_story(
            &format!(
                "<p>{FERRY_PARA} (first)</p><div class=\"more-on\"><h2>Stories for you</h2>\
                 <p class=\"screen-reader-text\">list of 4 items</p><ul>{list}</ul>\
                 <p class=\"screen-reader-text\">end of list</p></div>"
            ),
            "<div class=\"section-head\"><h2>What the crews said</h2><div>\
             <a href=\"https://www.facebook.com/sharer/sharer.php?u=x\">Facebook</a>\
             <a href=\"https://twitter.com/intent/tweet?url=x\">X</a>\
             <a href=\"mailto:?body=x\">Email</a></div></div>\
             <p>The crews said the new timetable suited them better than the old one did.</p>",
        );
        for gone in [
            "Stories for you",
            "list of 4 items",
            "end of list",
            "Harbour story",
        ] {
            assert!(!a.text.contains(gone), "{gone} left in:\n{}", a.text);
        }
        assert!(a.text.contains("What the crews said"), "{}", a.text);
        assert_eq!(
            a.text.matches("repairs to the pier").count(),
            6,
            "{}",
            a.text
        );
    }

    /// A story set as bare text and `<br>`s (the Times of India's): a line that is only a
    /// related-links label in bold and a link goes; a sentence that goes on after the link
    /// stays.
    #[test]
    fn a_line_of_a_label_and_a_link_in_bare_text_goes() {
        let line = |n: usize| format!("{FERRY_PARA} ({n})<br/><br/>");
        let html = format!(
            "<html><head><title>Ferry timetable</title></head><body><article><h1>Ferry \
             timetable</h1><div class=\"_s30J clearfix\">{}{}<b>Also Read | </b><a \
             href=\"/a/1.cms\">Bridge closes for repairs on the coast road</a><br/><br/>{}\
             <strong>Read more:</strong> <a href=\"/r\">the board's report</a> sets out the \
             new fares.<br/><br/>{}</div></article></body></html>",
            line(0),
            line(1),
            line(2),
            line(3)
        );
        let a = extract_ok(&html, "https://news.example.com/ferry");
        assert_absent(&a, &["Also Read", "Bridge closes"]);
        assert_present(
            &a,
            &["Read more: the board's report sets out the new fares."],
        );
        assert_eq!(
            a.text.matches("repairs to the pier").count(),
            4,
            "{}",
            a.text
        );
    }

    /// A label set alone in a box of its own labels the list after the box: a heading in
    /// its wrapper, or a label too short to stand on its own ("Read Also").
    #[test]
    fn a_label_in_a_box_of_its_own_takes_the_links_after_the_box() {
        let list = "<ul><li><a href=\"/a\"><span>Bridge closes for repairs next week on \
                    the coast road</span></a></li><li><a href=\"/b\"><span>New café opens \
                    on the quay after a long winter</span></a></li></ul>";
        for label in [
            "<div class=\"section-title\"><h3>Related stories</h3></div>",
            "<div class=\"bCLlj\"><span class=\"_1Y8rU\">Read Also</span></div>",
        ] {
            let a = ferry_story(
                "",
                &format!(
                    "<p>{FERRY_PARA} (a)</p><div class=\"Y1f6M\">{label}{list}</div>\
                     <p>The crews said the new timetable suited them better.</p>"
                ),
            );
            assert_absent(
                &a,
                &["Related stories", "Read Also", "Bridge closes", "New café"],
            );
            assert!(a.text.contains("suited them better"), "{}", a.text);
        }
    }

    /// Headings that lead into other stories as news sites word them: Axios's "Go deeper"
    /// under the story, the Daily Mail's "MORE TOP STORIES" after the comments. (Headlines
    /// this long, without the heading, read as the story's last lines.)
    #[test]
    fn go_deeper_and_top_stories_lists_go_with_their_headlines() {
        for heading in [
            "<h2 class=\"GoDeeper_heading\">Go deeper</h2>",
            "<h3 class=\"puff-title\">MORE TOP STORIES</h3>",
        ] {
            let a = ferry_story(
                "",
                &format!(
                    "<section>{heading}<ul><li><a href=\"/2025/01/27/bridge\">Bridge closes \
                     for repairs next week on the coast road as crews start work on the old \
                     span</a></li><li><a href=\"/2025/01/14/cafe\">New café opens on the quay \
                     after a long winter of building work by the harbour board</a></li></ul>\
                     </section>"
                ),
            );
            assert_absent(
                &a,
                &["Go deeper", "MORE TOP STORIES", "Bridge closes", "New café"],
            );
            assert!(a.text.contains(FERRY_PARA), "{}", a.text);
        }
    }

    /// "Don't miss …" in bold over a list of the site's other stories set in the story
    /// (CNBC): the label goes with the headlines, in either apostrophe.
    #[test]
    fn a_dont_miss_label_goes_with_its_headlines() {
        for label in ["Don't miss these insights from Example PRO", "Don’t Miss"] {
            let a = ferry_story_around(&format!(
                "<div class=\"group\"><p><strong>{label}</strong></p><ul \
                 class=\"RelatedContent-list\"><li><a href=\"/2025/01/27/bridge\">Bridge closes \
                 for repairs next week on the coast road as crews start work</a></li><li><a \
                 href=\"/2025/01/14/cafe\">New café opens on the quay after a long winter of \
                 building work</a></li></ul></div>"
            ));
            assert_absent(&a, &["miss", "Miss", "Bridge closes", "New café"]);
        }
    }

    /// "Seguir leyendo:" in bold, a paragraph of the story's body, over a list of the site's
    /// other stories at its end (Infobae): the label and the headlines go.
    #[test]
    fn a_keep_reading_label_over_headlines_goes_with_them() {
        let a = ferry_story(
            "",
            "<p class=\"paragraph\"><b>Seguir leyendo:</b></p><ul class=\"list\"><li><a \
             href=\"/2025/01/27/bridge\"><b>Cierran el puente de la costa por reparaciones \
             durante la próxima semana mientras comienzan las obras</b></a></li><li><a \
             href=\"/2025/01/14/cafe\"><b>Abre un nuevo café en el muelle después de un largo \
             invierno de obras junto al puerto</b></a></li></ul>",
        );
        assert_absent(
            &a,
            &["Seguir leyendo", "Cierran el puente", "Abre un nuevo café"],
        );
        assert!(a.text.contains(FERRY_PARA), "{}", a.text);
    }

    /// "More On:" and a link to the topic's page (the New York Post's box in a story): the
    /// heading goes as a topic line, and still takes the headlines under it.
    #[test]
    fn a_topic_heading_with_its_link_takes_the_headlines_under_it() {
        let a = ferry_story_around(
            "<div class=\"inline-module more-on\"><h3 class=\"more-on__heading\">More On: <a \
             class=\"more-on__tag\" href=\"/tag/ferries/\">ferries and harbours</a></h3><ul><li><a \
             href=\"/2025/01/29/bridge\"><span>Bridge closes for repairs next week on the \
             coast road</span></a></li><li><a href=\"/2024/12/17/cafe\"><span>New café opens \
             on the quay after a long winter</span></a></li></ul></div>",
        );
        assert_absent(&a, &["More On", "Bridge closes", "New café"]);
    }

    #[test]
    fn a_related_heading_and_its_links_go() {
        for heading in [
            "Related stories",
            "Read more:",
            "Mehr zum Thema auf Example.de",
            "Lire aussi",
            "More from Example News",
            "Mehr zu Fähren",
            "From our partners",
            "Around the Web",
            "Serviceangebote unserer Partner",
            "Tags:",
            "Schlagwörter:",
            "Weiterlesen:",
            "More For You",
            "More articles by Ann Lee",
            "Others also viewed",
            "What to Read Next",
            "Read Next",
            "関連ニュース",
            "관련 기사",
            "相关阅读",
            "Leia mais",
            "Mais lidas no Example",
            "Meistgelesen",
            "Lo más leído",
        ] {
            let html = page(&format!(
                "<h2>{heading}</h2><ul><li><a href=\"/a\">Bridge closes for repairs next week</a></li>\
                 <li><a href=\"/b\">Council approves new harbour budget</a></li></ul>"
            ));
            let a = extract_ok(&html, "https://news.example.com/ferry");
            assert!(
                !a.text.contains(heading.trim_end_matches(':')),
                "{heading}: {}",
                a.text
            );
            assert!(!a.text.contains("Bridge closes"), "{heading}: {}", a.text);
            assert!(a.text.contains("repairs to the pier"));
        }
    }

    /// A label that went for its own name (Asahi's `<h2 id="related-heading">`) still takes
    /// the plain list under it; one that ends the article labels nothing and costs nothing.
    #[test]
    fn a_label_gone_for_its_name_still_takes_its_links() {
        for heading in ["関連ニュース", "Related stories"] {
            let html = page(&format!(
                "<section aria-labelledby=\"related-heading\"><h2 id=\"related-heading\">\
                 {heading}</h2><ul><li><a href=\"/a\">Bridge closes for repairs next week</a>\
                 </li><li><a href=\"/b\">Council approves new harbour budget</a></li></ul>\
                 </section>"
            ));
            let a = extract_ok(&html, "https://news.example.com/ferry");
            assert_absent(&a, &[heading, "Bridge closes", "Council approves"]);
            assert_eq!(a.text.matches("repairs to the pier").count(), 6);
        }
        for tail in [
            "<h2 id=\"related-heading\">Related stories</h2>",
            "<div class=\"related-title\">Related stories</div>",
        ] {
            let a = extract_ok(&page(tail), "https://news.example.com/ferry");
            assert_absent(&a, &["Related stories"]);
            assert_eq!(a.text.matches("repairs to the pier").count(), 6);
        }
    }

    /// Blog themes set the label as a bold paragraph, and the links as embeds that cleaning
    /// empties before they are judged.
    #[test]
    fn a_paragraph_that_is_only_the_label_goes_with_its_links() {
        for label in [
            "<strong>Schon gelesen?</strong>",
            "Das Thema könnte dich auch interessieren:",
            "<b>RELATED STORIES</b>",
        ] {
            let html = page(&format!(
                "<p>{label}</p>\n<blockquote class=\"wp-embedded-content\"><p><a href=\"/a\">Bridge \
                 closes for repairs next week</a></p></blockquote>\n<p><iframe src=\"about:blank\">\
                 </iframe></p>"
            ));
            let a = extract_ok(&html, "https://news.example.com/ferry");
            let words = label
                .trim_start_matches("<strong>")
                .trim_start_matches("<b>");
            assert!(!a.text.contains(&words[..10]), "{label}: {}", a.text);
            assert!(!a.text.contains("Bridge closes"), "{label}: {}", a.text);
            assert_eq!(a.text.matches("repairs to the pier").count(), 6);
        }
        // Last in the article, with its links gone for their class names.
        let a = extract_ok(
            &page("<p><strong>Mehr Themen:</strong></p>"),
            "https://news.example.com/ferry",
        );
        assert!(!a.text.contains("Mehr Themen"), "{}", a.text);
    }

    /// Page builders set the label as a styled `<div>`, left behind when the teasers under it
    /// go for their names; a `<div>` that holds more than the label is no label.
    #[test]
    fn a_div_that_is_only_the_label_goes() {
        let a = extract_ok(
            &page(
                "<section class=\"magazine\"><div class=\"intro\"><div class=\"content\">\
                 <div class=\"headline t1\">Das könnte Sie auch interessieren</div></div></div>\
                 <div class=\"teaser-carousel related\"><a href=\"/a\">Bridge closes</a></div>\
                 </section>",
            ),
            "https://news.example.com/ferry",
        );
        assert!(!a.text.contains("Das könnte"), "{}", a.text);
        let a = extract_ok(
            &page(
                "<div>Read more about the ferry, as the <b>harbour office</b> explains the new \
                 timetable and what changes in summer.</div>\
                 <div>Mehr zum Thema<p>Fuel went up by a third over the winter, the operator \
                 said, and fares will follow.</p></div>",
            ),
            "https://news.example.com/ferry",
        );
        assert_present(
            &a,
            &[
                "Read more about the ferry",
                "Mehr zum Thema",
                "Fuel went up",
            ],
        );
    }

    #[test]
    fn a_short_paragraph_like_a_label_stays_before_prose() {
        let a = extract_ok(
            &page(
                "<p>Read more.</p><p>The operator will publish the full timetable in March, \
                 with extra sailings on summer weekends.</p>",
            ),
            "https://news.example.com/ferry",
        );
        assert!(a.text.contains("Read more."), "{}", a.text);
        assert!(a.text.contains("extra sailings"), "{}", a.text);
    }

    #[test]
    fn a_subheading_that_only_begins_like_one_stays_with_its_prose() {
        let html = page(
            "<h2>Related costs rose after the storm</h2><p>Fuel and insurance went up by a third \
             over the winter, the operator said, and fares will follow in the spring.</p>",
        );
        let a = extract_ok(&html, "https://news.example.com/ferry");
        assert!(
            a.text.contains("Related costs rose after the storm"),
            "{}",
            a.text
        );
        assert!(a.text.contains("Fuel and insurance"));
    }
}

const FERRY_PARA: &str = "The harbour master said the new timetable would start in spring, \
                          once the repairs to the pier were finished, and that crews would be \
                          trained first.";

/// Asserts that neither the text nor what the HTML shows holds any of `strings`.
/// The article's date, in whatever form the page gave it, falls on `day` (`YYYY-MM-DD`).
fn assert_published(a: &quietpage::Article, day: &str) {
    let published = a.published.as_deref().unwrap_or("");
    assert!(
        published.starts_with(day),
        "published {published:?}, not on {day}"
    );
}

fn assert_absent(a: &quietpage::Article, strings: &[&str]) {
    let seen = visible_text(&a.content_html);
    for s in strings {
        assert!(!a.text.contains(s), "text contains {s:?}:\n{}", a.text);
        assert!(!seen.contains(s), "content_html shows {s:?}");
    }
}

/// Asserts that the text holds each of `strings`.
fn assert_present(a: &quietpage::Article, strings: &[&str]) {
    for s in strings {
        assert!(a.text.contains(s), "{s:?} missing from:\n{}", a.text);
    }
}

/// A short news story of five paragraphs, with `before` ahead of them and `after` behind.
fn ferry_story(before: &str, after: &str) -> quietpage::Article {
    let body: String = (0..5)
        .map(|i| format!("<p>{FERRY_PARA} ({i})</p>\n"))
        .collect();
    let html = format!(
        "<html><head><title>Ferry timetable</title></head><body><article>\
         <h1>Ferry timetable</h1>{before}{body}{after}</article></body></html>"
    );
    extract_ok(&html, "https://news.example.com/ferry")
}

/// The ferry story with `middle` set between the third and the fourth of its six
/// paragraphs, for furniture set in the run of the text; all six stay.
fn ferry_story_around(middle: &str) -> quietpage::Article {
    let paras = format!("<p>{FERRY_PARA}</p>").repeat(3);
    let html = format!(
        "<html><head><title>Ferry</title></head><body><article><h1>Ferry</h1>{paras}{middle}\
         {paras}</article></body></html>"
    );
    let a = extract_ok(&html, "https://news.example.com/2025/02/01/ferry/");
    assert_eq!(
        a.text.matches("repairs to the pier").count(),
        6,
        "{}",
        a.text
    );
    a
}

/// A card that ends in "Read more" ("READ THE REST", "Weiterlesen") sums up another story.
mod read_more_cards {
    use super::*;

    #[test]
    fn cards_that_end_in_read_more_go_with_their_headline_and_summary() {
        let card = |n: u32, more: &str| {
            format!(
                "<div class=\"nextstory\"><h2><a href=\"/story-{n}\">Choir sings on the pier \
                 ({n})</a></h2><a href=\"/story-{n}\"><img src=\"/img/{n}.jpg\" alt=\"\"></a>\
                 <p>The harbour choir sang for the ferry crews on Sunday, and the crowd joined \
                 in for the last song, as the boats came in […]</p>\
                 <h3><a href=\"/story-{n}\">{more}</a></h3></div>"
            )
        };
        let a = ferry_story(
            "",
            &(card(1, "READ THE REST") + &card(2, "Weiterlesen »") + &card(3, "Read more…")),
        );
        assert_absent(
            &a,
            &[
                "Choir sings",
                "harbour choir",
                "READ THE REST",
                "Weiterlesen",
                "Read more",
            ],
        );
        assert_eq!(a.text.matches("repairs to the pier").count(), 5);
        assert!(!a.content_html.contains("/img/1.jpg"), "{}", a.content_html);
    }

    /// A story cut short before its "Continue reading" is the article, and a paragraph of a
    /// long story that ends with a link to its source is the story's.
    #[test]
    fn a_story_that_ends_in_continue_reading_stays() {
        let html = "<html><head><title>Ferry timetable</title></head><body><article>\
            <h1>Ferry timetable</h1><div class=\"preview\"><p>The ferry will run every hour \
            from May, the harbour board said on Tuesday, after a winter of repairs to the pier \
            and the ramp that took longer than planned.</p><p><a href=\"/login?next=/ferry\">\
            Continue reading</a></p></div></article></body></html>";
        let a = extract_ok(html, "https://news.example.com/ferry");
        assert!(a.text.contains("every hour from May"), "{}", a.text);

        let a = ferry_story(
            "",
            "<div class=\"note\"><p>The board published its figures on Monday. \
             <a href=\"https://board.example/report\">Read more</a></p></div>",
        );
        assert!(a.text.contains("published its figures"), "{}", a.text);
    }
}

/// A heading that is a label and a link to another story ("MIRA: <a>…</a>") is a teaser.
mod teaser_headings {
    use super::*;

    fn article_with(extra: &str) -> quietpage::Article {
        ferry_story("", &format!("{extra}<p>{FERRY_PARA} (after)</p>"))
    }

    #[test]
    fn a_label_and_a_link_go() {
        let a = article_with(
            "<h3>MIRA:&nbsp;<a href=\"/other\">Madre se acerca a conocer los motivos de su \
             captura</a></h3><h6><strong>Lesen Sie auch: </strong><a href=\"/x\">Die neue \
             Fähre fährt ab Mai</a></h6>",
        );
        for teaser in [
            "MIRA",
            "Madre se acerca",
            "Lesen Sie auch",
            "Die neue Fähre",
        ] {
            assert!(!a.text.contains(teaser), "{teaser} left in:\n{}", a.text);
        }
        assert_eq!(a.text.matches("repairs to the pier").count(), 6);
    }

    #[test]
    fn titles_with_a_colon_stay() {
        let a = article_with(
            "<h3><a href=\"/g\">“Until Dawn: Rush of Blood”</a> ($20)</h3>\
             <p>A horror ride on rails, and the best-looking game of the launch line-up.</p>\
             <h3>Update: the ferry company <a href=\"/r\">answered</a> on Monday</h3>\
             <p>It said the spring start was safe, whatever the weather in March.</p>",
        );
        for kept in [
            "Until Dawn: Rush of Blood",
            "Update: the ferry company answered",
        ] {
            assert!(a.text.contains(kept), "{kept} lost:\n{}", a.text);
        }
    }

    /// A teaser card set in the body as a figure that is one link: its picture, kicker,
    /// headline and summary go. A figure whose caption links in part stays.
    #[test]
    fn a_figure_that_is_a_link_to_another_story_goes() {
        let a = article_with(
            "<figure class=\"layout--image\"><a href=\"/ferry-timetable-1.44\" class=\"card\">\
             <img src=\"/img/timetable.jpg\" alt=\"\"><figcaption><p>New timetable</p>\
             <h3>Boats every half hour</h3><p>The company wants to run the crossing twice an \
             hour from 2021.</p></figcaption></a></figure>\
             <figure><img src=\"/img/pier.jpg\" alt=\"\"><figcaption>The pier in March. \
             <a href=\"/gallery\">More pictures</a></figcaption></figure>",
        );
        for teaser in ["New timetable", "Boats every half hour", "twice an hour"] {
            assert!(!a.text.contains(teaser), "{teaser} left in:\n{}", a.text);
        }
        assert!(
            !a.content_html.contains("timetable.jpg"),
            "{}",
            a.content_html
        );
        assert!(a.text.contains("The pier in March."), "{}", a.text);
        assert!(a.content_html.contains("pier.jpg"), "{}", a.content_html);
    }
}

/// A picture's credit line names who took it, not what it shows: a reader has no use for it.
mod credits {
    use super::*;

    fn article_with(extra: &str) -> quietpage::Article {
        ferry_story(extra, "")
    }

    /// A label's bare word ("Credit", set apart for screen readers) makes the credit line it
    /// opens in a figure; outside one it is a sentence's first word.
    #[test]
    fn a_labels_bare_word_outside_a_figure_starts_a_sentence() {
        let a = article_with(
            "<p><span class=\"kicker\">Photo</span> of the day: the pier at dawn.</p>",
        );
        assert!(
            a.text.contains("Photo of the day: the pier at dawn."),
            "{}",
            a.text
        );
    }

    /// A credit told by its name alone, however deep its caption nests it in the figure
    /// (`figcaption > span > span.widget__captionCredit`), is the picture's credit: the
    /// caption stays, and reads without the photographer run into its last word.
    #[test]
    fn a_named_credit_deep_in_a_figures_caption_goes() {
        let a = article_with(
            "<figure><img src=\"/pier.jpg\" alt=\"\"><figcaption><span class=\"wrap\">\
             <span class=\"caption-text\">The pier at dawn</span>\
             <span class=\"caption-credit\">Harbour Authority</span></span></figcaption></figure>",
        );
        assert_present(&a, &["The pier at dawn"]);
        assert!(!a.text.contains("Harbour Authority"), "{}", a.text);
    }

    #[test]
    fn credit_lines_in_captions_and_paragraphs_go() {
        let a = article_with(
            "<figure><img src=\"/pier.jpg\" alt=\"\"><figcaption>The pier at dawn. \
             <span class=\"src\">&copy; Jane Doe</span></figcaption></figure>\
             <figure><img src=\"/ferry.jpg\" alt=\"\"><figcaption>Foto: dpa</figcaption></figure>\
             <p class=\"caption\"><small>(&copy; AFP / John Roe)</small></p>\
             <p><em>Crédits photos : Agence</em></p>\
             <p><img src=\"/chart.png\" alt=\"\"><br><em>(Credit: Ann Example / Grist)</em></p>\
             <figure><img src=\"/crane.jpg\" alt=\"\"><figcaption><div>\
             <div class=\"copyright\">&copy; Max Muster / Agency</div>\
             <div class=\"text\">The old crane</div></div></figcaption></figure>\
             <div class=\"caption\"><p>The new ferry on its first crossing</p>\
             <div class=\"source\"><div class=\"label\">Bild:</div> Erika Muster</div></div>\
             <div class=\"featured-image\"><img src=\"/ramp.jpg\" alt=\"\"><p class=\"caption\">\
             <span>Image by Getty Images</span></p></div>\
             <figure><img src=\"/quay.jpg\" alt=\"\"><figcaption>Photo by Jo Roe/Reuters</figcaption></figure>\
             <figure><span class=\"css-1dv1kvn\">Photo</span><img src=\"/buoy.jpg\" alt=\"\">\
             <figcaption><span class=\"c1\"><span class=\"css-1dv1kvn\">Credit</span>Kim \
             Roe/Getty Images</span></figcaption></figure>",
        );
        for credit in [
            "Kim Roe",
            "Getty Images",
            "Jo Roe",
            "Jane Doe",
            "dpa",
            "John Roe",
            "Agence",
            "Ann Example",
            "Max Muster",
            "Bild:",
            "Erika Muster",
        ] {
            assert!(!a.text.contains(credit), "{credit} left in:\n{}", a.text);
        }
        // The caption's own words and the pictures stay.
        for caption in [
            "The pier at dawn.",
            "The old crane",
            "The new ferry on its first crossing",
        ] {
            assert!(a.text.contains(caption), "{caption} lost:\n{}", a.text);
        }
        for picture in [
            "/pier.jpg",
            "/ferry.jpg",
            "/chart.png",
            "/ramp.jpg",
            "/quay.jpg",
            "/buoy.jpg",
        ] {
            assert!(a.content_html.contains(picture), "{picture} lost");
        }
        assert_eq!(a.text.matches("repairs to the pier").count(), 5);
    }

    /// A news story's source line ("Quelle: dpa") credits the text as a credit line does a
    /// picture. Set inside brackets its paragraph writes, it stays: leaving it out would
    /// leave the brackets behind.
    #[test]
    fn source_lines_go_but_not_out_of_their_brackets() {
        let a = ferry_story(
            "",
            "<p><span style=\"font-size: 8pt;\"><em>Quelle: Landesregierung</em></span></p>\
             <p><em>Source: Harbour Authority, 2 February</em></p>\
             <p>The crane was repainted (<span><a href=\"/art\"><em>&copy; Riivka</em></a>\
             </span>) over the winter.</p>",
        );
        for source in ["Landesregierung", "Harbour Authority"] {
            assert!(!a.text.contains(source), "{source} left in:\n{}", a.text);
        }
        assert!(a.text.contains("repainted (© Riivka) over"), "{}", a.text);
    }

    /// Many pages set the credit apart by its name rather than a label: beside the caption
    /// in a figure, or beside the picture in a box of its own; or by schema.org's mark for
    /// a picture's rights holder (The New York Times).
    #[test]
    fn credits_named_so_beside_a_picture_go() {
        let a = article_with(
            "<figure><img src=\"/ferry.jpg\" alt=\"\"><figcaption><span>The ferry in May.</span>\
             <span itemprop=\"copyrightHolder\"><span>Credit</span><span>Chang W. Lee/The Harbour \
             Times</span></span></figcaption></figure>\
             <figure><picture><img src=\"/pier.jpg\" alt=\"\"></picture>\
             <figcaption class=\"c-lead-media__credit o-credit\"><span class=\"o-credit__caption\">\
             The pier at dawn.</span><span class=\"o-credit__attribution\">Jane Doe / Reuters</span>\
             </figcaption></figure>\
             <div class=\"embed-container image\"><img src=\"/crane.jpg\" alt=\"\">\
             <div class=\"attribution\">John Roe | Harbour Post | Agency</div>\
             <div class=\"caption\">The old crane on the quay, before it was repainted</div></div>",
        );
        for credit in [
            "Jane Doe",
            "Reuters",
            "John Roe",
            "Agency",
            "Credit",
            "Chang W. Lee",
        ] {
            assert!(!a.text.contains(credit), "{credit} left in:\n{}", a.text);
        }
        assert!(a.text.contains("The pier at dawn.\n"), "{}", a.text);
        assert!(a.text.contains("The ferry in May.\n"), "{}", a.text);
        assert!(a.text.contains("The old crane"), "{}", a.text);
        for picture in ["/pier.jpg", "/crane.jpg"] {
            assert!(a.content_html.contains(picture), "{picture} lost");
        }
    }

    /// Other things are named so too: who said a quotation (beside the speaker's picture),
    /// a whole caption in a box named as a credit.
    #[test]
    fn other_things_named_as_credits_stay() {
        let a = article_with(
            "<blockquote><img src=\"/mira.jpg\" alt=\"\"><p>We will sail every hour.</p>\
             <p class=\"attribution\">Mira Shah, harbour master</p></blockquote>\
             <div class=\"article-image\"><img src=\"/board.jpg\" alt=\"\"></div>\
             <div class=\"photo-credit\">Members of the harbour board and the mayor during a \
             meeting in 2009. (Jane Doe/Agency)</div>",
        );
        for kept in ["Mira Shah, harbour master", "Members of the harbour board"] {
            assert!(a.text.contains(kept), "{kept} lost:\n{}", a.text);
        }
    }

    /// A caption that ends in its credit keeps what it says of the picture, in the view and
    /// the text: the credit may be labelled, follow a bar, or name an agency in brackets,
    /// and the caption may be a `<figcaption>` or whatever follows the picture.
    #[test]
    fn credits_at_the_end_of_a_caption_go() {
        let a = article_with(
            "<figure><img src=\"/pier.jpg\" alt=\"\"><figcaption><p>The pier at dawn. Bild: \
             <a href=\"https://stock.example/p/1\">Jane Doe/Shutterstock.com</a></p>\
             </figcaption></figure>\
             <div><a href=\"/crane.jpg\"><img src=\"/crane.jpg\" alt=\"\"></a></div>\
             <div>The old crane on the quay. | &copy; Harbour Archive/Getty Images</div>\
             <p><a href=\"/night.jpg\"><img src=\"/night.jpg\" alt=\"\"></a> The ferry at night \
             <span>(jroe</span> / <span>iStock.com)</span></p>\
             <div><img src=\"/bell.jpg\" alt=\"\"><br> The ship's bell, cast in 1890 \
             (Ann Example/AFP/Getty Images)</div>\
             <figure><img src=\"/wall.jpg\" alt=\"\"><figcaption>The harbour wall \
             (Foto: R. Muster, 19.01.2022).</figcaption></figure>",
        );
        for credit in [
            "Shutterstock",
            "Jane Doe",
            "Harbour Archive",
            "Getty",
            "iStock",
            "jroe",
            "Ann Example",
            "Muster",
        ] {
            assert!(!a.text.contains(credit), "{credit} left in:\n{}", a.text);
            assert!(
                !a.content_html.contains(credit),
                "{credit} left in the view"
            );
        }
        for caption in [
            "The pier at dawn.\n",
            "The old crane on the quay.\n",
            "The ferry at night\n",
            "The ship's bell, cast in 1890\n",
            "The harbour wall.\n",
        ] {
            assert!(a.text.contains(caption), "{caption:?} lost:\n{}", a.text);
        }
        assert!(a.content_html.contains("<p>The pier at dawn. </p>"));
        for picture in [
            "/pier.jpg",
            "/crane.jpg",
            "/night.jpg",
            "/bell.jpg",
            "/wall.jpg",
        ] {
            assert!(a.content_html.contains(picture), "{picture} lost");
        }
    }

    /// What follows a picture and only looks like a credit at its end stays: a bracket that
    /// names no agency, a label with a sentence after it, a paragraph away from any picture.
    #[test]
    fn caption_ends_that_are_no_credit_stay() {
        let a = article_with(
            "<figure><img src=\"/pier.jpg\" alt=\"\"><figcaption>The pier at dawn (seen from \
             the harbour wall)</figcaption></figure>\
             <figure><img src=\"/bell.jpg\" alt=\"\"><figcaption>The ship's bell. Foto: Jane \
             Doe. The bell was cast in 1890 and hangs in the museum today.</figcaption></figure>\
             <p>The timetable was set by the harbour board (AP) and the council. Source: the \
             harbour board</p>",
        );
        for kept in [
            "The pier at dawn (seen from the harbour wall)",
            "Foto: Jane Doe. The bell was cast",
            "Source: the harbour board",
        ] {
            assert!(a.text.contains(kept), "{kept} lost:\n{}", a.text);
        }
    }

    #[test]
    fn prose_and_captions_that_start_like_a_credit_stay() {
        let a = article_with(
            "<p>Photos of the flood, taken by residents on their phones, were shared \
             thousands of times before the council answered.</p>\
             <figure><img src=\"/pier.jpg\" alt=\"\"><figcaption>Photo: the pier at dawn, \
             seen from the harbour wall on the first morning of the new timetable, before \
             the crowds came.</figcaption></figure>\
             <h2>Photos: the first crossing</h2>",
        );
        for kept in [
            "Photos of the flood",
            "the pier at dawn",
            "Photos: the first crossing",
        ] {
            assert!(a.text.contains(kept), "{kept} lost:\n{}", a.text);
        }
    }
}

/// A box around a field for an e-mail address, with a line or two beside it, is a sign-up,
/// whatever its names (utility classes say nothing of it).
mod signup_boxes {
    use super::*;

    fn with_box(block: &str) -> quietpage::Article {
        ferry_story("", &format!("{block}<p>{FERRY_PARA} (after)</p>"))
    }

    #[test]
    fn a_newsletter_box_goes_whatever_its_names() {
        for field in [
            "<input type=\"email\" placeholder=\"Email\">",
            // Mailchimp's embedded form.
            "<input type=\"text\" name=\"EMAIL\" value=\"\">",
        ] {
            let a = with_box(&format!(
                "<div class=\"rounded-lg bg-gray-100 p-4 my-6\"><h3>The morning briefing</h3>\
                 <p>Get the morning briefing in your inbox every weekday.</p>\
                 <form><div class=\"flex\">{field}<button>Go</button></div>\
                 <p class=\"text-xs\">By signing up you agree to our privacy policy.</p>\
                 </form></div>"
            ));
            for gone in ["morning briefing", "privacy policy"] {
                assert!(!a.text.contains(gone), "{gone} left in:\n{}", a.text);
            }
            assert_eq!(
                a.text.matches("repairs to the pier").count(),
                6,
                "{}",
                a.text
            );
        }
    }

    /// A box with a pitch and a link set as its button ("Sign up today", WIRED's marketing
    /// unit between two chunks of the story) is a sign-up box though it holds no field; a
    /// line of the story that links "subscribe" in a sentence stays.
    #[test]
    fn a_box_with_a_sign_up_button_goes() {
        let chunk = |first: &str| -> String {
            let body: String = (0..3)
                .map(|i| format!("<p>{FERRY_PARA} ({i})</p>"))
                .collect();
            format!("<div class=\"body__inner-container\">{first}{body}</div>")
        };
        let html = format!(
            "<html><head><title>Ferry timetable</title></head><body><article>\
             <h1>Ferry timetable</h1><div class=\"body body__container\">{}{}{}{}</div>\
             </article></body></html>",
            chunk(""),
            "<div class=\"ConsumerMarketingUnitThemedWrapper-kzlRvC\"><div class=\"Content-bJmGep\">\
             <p class=\"Hed-iGVXqa\">In Your Inbox: Get the Harbour Science letter</p>\
             <p class=\"Dek-dYPhxa\">Big ideas and wild discoveries from the waterfront, \
             delivered every Tuesday.</p><a class=\"ButtonWrapper-xCepQ\" \
             href=\"/newsletter/science\">Sign up today</a></div></div>",
            chunk(
                "<p>Readers who <a href=\"/subscribe\">subscribe</a> to the harbour's \
                 timetable get the changes first.</p>"
            ),
            chunk(""),
        );
        let a = extract_ok(&html, "https://news.example.com/ferry");
        assert_absent(&a, &["In Your Inbox", "wild discoveries", "Sign up today"]);
        assert_present(
            &a,
            &["Readers who subscribe to the harbour's timetable get the changes first."],
        );
    }

    /// A box labelled "Newsletter" with the letter's name, a line on what it brings and a
    /// link to sign up (Le Monde's in-read box) goes though it holds no field, the name in
    /// the label's line or a line of its own; a line of the story about a newsletter stays.
    #[test]
    fn a_box_labelled_newsletter_goes() {
        let a = with_box(
            "<section class=\"inread inread--NL\"><div class=\"inread__wrapper\">\
             <p class=\"inread__title-container\"><span class=\"inread__title\">Newsletter\
             </span></p><p class=\"inread__catchline\">« La Revue du Port »</p>\
             <p class=\"inread__description\">Chaque week-end, la rédaction sélectionne les \
             articles de la semaine qu’il ne fallait pas manquer</p><a class=\"inread__cta\" \
             href=\"/newsletters/la-revue/\">S’inscrire</a></div></section>\
             <section class=\"inread inread--NL\"><div class=\"inread__wrapper\">\
             <p class=\"inread__title\">Newsletter « Chaleur humaine »</p>\
             <p class=\"inread__text\">Comment faire face au défi climatique ? Chaque \
             semaine, nos meilleurs articles sur le sujet</p><a class=\"inread__button\" \
             href=\"/newsletters/chaleur-humaine/\">S’inscrire</a></div></section>\
             <p>The harbour's newsletter went out to four thousand readers on Friday.</p>",
        );
        assert_absent(
            &a,
            &[
                "Newsletter",
                "Revue du Port",
                "Chaque week-end",
                "Chaleur humaine",
                "défi climatique",
            ],
        );
        assert_present(
            &a,
            &["The harbour's newsletter went out to four thousand readers on Friday."],
        );
        assert!(a.removed.paywall >= 1, "{:?}", a.removed);
    }

    /// More than a pitch beside the field is prose, and a box that shows a picture beside
    /// the form is more than a sign-up.
    #[test]
    fn prose_or_a_picture_beside_a_field_stays() {
        let long = format!(
            "<div class=\"box\"><p>{FERRY_PARA}</p><p>{FERRY_PARA}</p><p>{FERRY_PARA}</p>\
             <form><input type=\"email\"></form></div>"
        );
        let a = with_box(&long);
        assert_eq!(
            a.text.matches("repairs to the pier").count(),
            9,
            "{}",
            a.text
        );
        let pictured = "<div class=\"box\"><img src=\"/pier.jpg\" alt=\"The pier\">\
                        <p>The pier after the storm.</p><form><input type=\"email\"></form>\
                        </div>";
        let a = with_box(pictured);
        assert!(a.text.contains("The pier after the storm."), "{}", a.text);
    }
}

/// Short paragraphs inside the article that ask the reader for something.
mod nudges {
    use super::*;

    fn article_with(extra: &[&str]) -> quietpage::Article {
        let mut body: String = (0..5)
            .map(|i| format!("<p>{FERRY_PARA} ({i})</p>\n"))
            .collect();
        for p in extra {
            body.push_str(&format!("<p>{p}</p>\n"));
            body.push_str(&format!("<p>{FERRY_PARA} (after)</p>\n"));
        }
        let html = format!(
            "<html><head><title>Ferry timetable</title></head><body><article>\
             <h1>Ferry timetable</h1>{body}</article></body></html>"
        );
        extract_ok(&html, "https://news.example.com/ferry")
    }

    #[test]
    fn calls_to_subscribe_sign_up_or_follow_go() {
        let nudges = [
            "Subscribe now to our print edition for the full story.",
            "If you are already a subscriber, <a href=\"/login\">log in</a> to keep reading.",
            "<strong>Sign up for our newsletter</strong> and get the news every morning.",
            "Follow us on <a href=\"https://twitter.com/x\">Twitter</a> and Instagram.",
            "¡Síguenos en Instagram y únete a nuestro canal de Telegram!",
            "Jetzt abonnieren und weiterlesen.",
            "Sie wollen nichts verpassen? Abonnieren Sie hier den Hafen-Newsletter.",
            "Klicken Sie hier, um die Hafenzeitung als bevorzugte Quelle in der Google-Suche \
             hinzuzufügen.",
            "Add the Harbour Gazette as a preferred source on Google",
            "<span class=\"icon__premium\"></span>Article réservé aux abonnés",
            "<i>La Gazzetta è anche su WhatsApp. <a href=\"https://whatsapp.com/channel/x\">\
             È sufficiente cliccare qui</a> per iscriversi al canale ed essere sempre \
             aggiornati.</i>",
            "［有料会員限定］ この記事は会員限定です。電子版に登録すると続きをお読みいただけます。",
            "Subscribe to <a href=\"/alerts\">Harbour Breaking News Alerts</a> and keep your inbox happy.",
            "Catch all the Latest Harbour News, Breaking News Events and Trending News Updates \
             on the <a href=\"/\">Harbour Gazette</a>.",
            "Get Current Updates on <a href=\"/harbour\">Harbour News</a>, <a href=\"/city\">City \
             News</a> along with Latest News and Top Headlines from the coast and around the world.",
            "Get Latest Coast News along with Latest News and Top Headlines from the coast and \
             around the world.",
            "Our editors review products independently. If you buy through affiliate links, we \
             may earn commissions. <a href=\"/about/how-we-test\">How We Test</a>",
            "The Gazette is a nonprofit newsroom. Sign up to receive <a href=\"/newsletters\">our \
             biggest stories</a> as soon as they are published.",
            "Track Latest News Live on <a href=\"/\">Gazette.com</a> and get news updates from \
             the coast and around the world",
            "Affiliate links on the Harbour Gazette may earn us a commission. \
             <a href=\"/affiliate-disclosure\">Learn more.</a>",
            "<i>Was this email forwarded to you? <a href=\"/subscribe\">Sign up here</a> to get \
             Tide Notes every Tuesday.</i>",
            "Keep up to date with all the latest timetable news and rumours in our dedicated \
             <a href=\"/live\">Harbour Centre blog</a>.",
            "Follow topics and authors from this story to see more like this in your \
             personalized homepage feed and to receive email updates.",
            "Keep up with all the latest news from the coast and around the world by following \
             the Harbour Gazette",
            "Über dieses Thema berichtete die Hafenschau am 08. April 2025 um 12:00 Uhr.",
            "Tu suscripción se está usando en otro dispositivo",
            "Thanks for reading the Harbour Gazette.",
            "<em>This post contains affiliate links. If you buy something through them I may \
             earn a small commission at no extra cost to you.</em>",
            "<em>Dieser Text erschien zuerst im Hafen-Newsletter. Den gibt es kostenlos unter \
             <a href=\"https://hafen.example\">hafen.example</a>.</em>",
            "This article originally appeared on the Harbour Gazette.",
            "Published in the Harbour Gazette, March 15th, 2025",
            // A follow prompt that ends with the newsroom's contacts runs longer.
            "<strong>Follow the Harbour Gazette on Twitter and Instagram @HarbourGazette and on \
             Facebook @GazetteHarbour. Send us a message on WhatsApp at 555-0100 or email us at \
             <a href=\"mailto:news@gazette.example\">news@gazette.example</a> or \
             <a href=\"mailto:letters@gazette.example\">letters@gazette.example</a></strong>",
        ];
        let a = article_with(&nudges);
        for n in [
            "Subscribe now",
            "already a subscriber",
            "Sign up",
            "Follow us",
            "Síguenos",
            "Jetzt abonnieren",
            "Hafen-Newsletter",
            "bevorzugte Quelle",
            "preferred source",
            "réservé aux abonnés",
            "WhatsApp",
            "会員限定",
            "Harbour Gazette",
            "Breaking News Alerts",
            "Catch all",
            "Get Current Updates",
            "Get Latest Coast",
            "nonprofit newsroom",
            "affiliate links",
            "Affiliate links",
            "email forwarded",
            "Keep up to date",
            "Track Latest",
            "Follow topics",
            "Keep up with",
            "Über dieses Thema",
            "suscripción",
            "Thanks for reading",
            "small commission",
            "erschien zuerst",
            "originally appeared",
            "Published in",
        ] {
            assert!(!a.text.contains(n), "{n} left in:\n{}", a.text);
        }
        assert_eq!(
            a.text.matches("repairs to the pier").count(),
            5 + nudges.len()
        );
        assert!(a.removed.paywall >= 3, "{:?}", a.removed);
        assert!(a.removed.share >= 2, "{:?}", a.removed);
    }

    #[test]
    fn prose_about_subscribers_or_social_networks_stays() {
        let prose = [
            "The streaming service added nine million subscribers in the quarter.",
            "The minister said on Twitter that the ferry would keep running.",
            "The executor follows a simple loop with multiple threads.",
            // A call's words inside a sentence report what someone did.
            "Commuters who subscribe to the pass save a third, the board said.",
            "“We may earn less this year, but we will keep the ferry running,” the operator said.",
            "The timetable first appeared in a harbour almanac in 1898, the archive shows.",
            "Published in Nature in 2019, the study found the pier was sinking.",
            // An author's own sign-off.
            "Thanks for reading, and see you on the next crossing.",
            // Prose that happens to hold a call's words is longer than a call.
            "Readers who subscribe now pay less than those who joined last year, the ferry \
             company's annual report shows. The gap is expected to widen as fares rise again \
             in the spring, when the new timetable comes into force for every crossing.",
        ];
        let a = article_with(&prose);
        for p in prose {
            assert!(a.text.contains(&p[..40]), "{p} missing from:\n{}", a.text);
        }
    }

    #[test]
    fn a_widget_that_needs_scripts_or_failed_to_load_says_nothing_in_the_view() {
        let a = ferry_story(
            "<div class=\"player\"><p>To view this content, Javascript must be enabled and \
             Adobe Flash Player must be installed.</p></div><div class=\"video\"><div \
             class=\"site-video\"></div><p class=\"notice\">Please use Chrome browser for a \
             more accessible video player</p></div>",
            "<div class=\"flash flash-error\"><svg aria-hidden=\"true\"></svg> Failed to load \
             latest commit information.</div><p>Bitte aktivieren Sie JavaScript, um das Video \
             zu sehen.</p>",
        );
        assert_absent(
            &a,
            &["Javascript", "JavaScript", "Failed to load", "video player"],
        );
        assert_eq!(a.text.matches("repairs to the pier").count(), 5);
        assert!(a.removed.hidden >= 3, "{:?}", a.removed);
    }

    /// An audio version's player set in the story (The Economist's): its label and its line
    /// on the apps go, as the view has no player.
    #[test]
    fn an_audio_players_label_goes() {
        for label in ["Listen to this story", "Listen to this article"] {
            let a = ferry_story_around(&format!(
                "<section class=\"css-1u8ejcn\"><div class=\"css-hgc5pd\"><span>{label}</span> \
                 <span>Enjoy more audio and podcasts on <a href=\"/apps\">iOS</a> or <a \
                 href=\"/apps\">Android</a>.</span></div></section>"
            ));
            assert_absent(&a, &["Listen", "podcasts"]);
        }
    }

    /// A call to action set as a `<div>` of text rather than a paragraph (Livemint's closing
    /// "Catch all the … News … Download The … App") goes as the paragraph would.
    #[test]
    fn a_call_to_action_set_as_a_div_goes() {
        let a = ferry_story(
            "<div class=\"storyPage_disclamerText__Mw2Vf\">Catch all the <a href=\"/news\">\
             Harbour News</a>, <a href=\"/markets\">Market news</a> and Latest News Updates on \
             the Gazette. Download The <a href=\"/app\">Gazette App</a> to get Daily Updates.\
             </div>",
            "",
        );
        assert_absent(&a, &["Catch all", "Gazette App"]);
        assert_eq!(a.text.matches("repairs to the pier").count(), 5);
        // News18's, a `<div>` of a line and a link.
        let a = ferry_story(
            "",
            "<div class=\"follow_us_box\">Stay updated with all the latest news on \
             <b>Harbour</b>. Get breaking news and top headlines on the Gazette. \
             <a href=\"https://whatsapp.com/channel/harbour\">Follow us on WhatsApp</a></div>",
        );
        assert_absent(&a, &["Stay updated", "Follow us"]);
        assert_eq!(a.text.matches("repairs to the pier").count(), 5);
    }

    /// The note of the print edition a story ran in (The New York Times' `<div>`, whose
    /// repeated headline makes it longer than other calls; the Wall Street Journal's
    /// paragraph) and a copyright line under the story go; a sentence about a newspaper's
    /// print edition stays.
    #[test]
    fn print_edition_notes_and_copyright_lines_go() {
        let a = ferry_story(
            "<p>The Gazette will end its print edition in May, its owners said.</p>",
            "<div class=\"css-1ixwb5n\">A version of this article appears in print on \
             <time datetime=\"2024-03-15\">March 15, 2024</time>, Section A, Page 14 of the \
             New York edition with the headline: Ferry Timetable Changes for the Winter Season. \
             <a href=\"/reprints\">Order Reprints</a> | <a href=\"/paper\">Today’s Paper</a> \
             | <a href=\"/subscribe\">Subscribe</a></div>\
             <p>Copyright ©2024 Harbour Media, Inc. All Rights Reserved.</p>\
             <p>Appeared in the April 23, 2024, print edition as 'Ferries Trim Timetable'.</p>",
        );
        assert_absent(
            &a,
            &[
                "appears in print",
                "Order Reprints",
                "Rights Reserved",
                "Appeared",
            ],
        );
        assert_present(&a, &["end its print edition in May"]);
        // A reprint's credit says where the text comes from.
        let credit = "From the book The Harbour by Ann Lee. Copyright © 2019 by Ann Lee. \
                      Reprinted by permission of Quay Books. All rights reserved.";
        let a = ferry_story("", &format!("<p><em>{credit}</em></p>"));
        assert_present(&a, &[credit]);
        assert_eq!(a.text.matches("repairs to the pier").count(), 5);
    }

    /// A box that a heading calling to follow heads ("Follow Harbour News on WhatsApp"),
    /// with a line and a link, goes whole; a subheading of the story that names no network
    /// stays.
    #[test]
    fn a_box_headed_by_a_follow_prompt_goes() {
        let a = ferry_story(
            "<div class=\"callout\"><h4>Follow Harbour News on WhatsApp</h4>\
             <p>Keep up with all the latest news from the coast by following Harbour News</p>\
             <a href=\"https://whatsapp.com/channel/harbour\">Tap here</a></div>\
             <h3>Follow the river to the sea</h3>",
            "",
        );
        assert_absent(&a, &["WhatsApp", "Keep up with", "Tap here"]);
        assert_present(&a, &["Follow the river to the sea"]);
        assert_eq!(a.text.matches("repairs to the pier").count(), 5);
    }

    /// A widget that asks how the story made the reader feel, or whether the page helped,
    /// over buttons the view does not show, goes with its question; so does the note over a
    /// machine-written summary. A question of the story's, or a sentence about summaries
    /// written by machines, stays.
    #[test]
    fn reaction_prompts_and_summary_notes_go() {
        let a = ferry_story(
            "<div class=\"quick-read\"><p>Summary is AI-generated, newsroom-reviewed</p>\
             <ul><li>The new ferry timetable starts in spring, once the pier is repaired.</li>\
             <li>Crews will be trained before the first crossing.</li></ul></div>",
            "<div class=\"mood-meter\"><h3>How does this make you feel?</h3>\
             <button>Happy</button><button>Sad</button></div>\
             <div class=\"feedback\"><p>Was this article helpful?</p><button>Yes</button>\
             <button>No</button></div><h3>What’s your reaction?</h3>\
             <p>How does the timetable change for the island's schools? The board will answer \
             parents' questions at a meeting on Monday.</p>\
             <p>The board's AI-generated summary of the plan left out the island routes.</p>",
        );
        assert_absent(
            &a,
            &[
                "AI-generated, newsroom",
                "make you feel",
                "helpful",
                "your reaction",
            ],
        );
        assert_present(
            &a,
            &[
                "Crews will be trained before the first crossing.",
                "How does the timetable change for the island's schools?",
                "The board's AI-generated summary of the plan left out the island routes.",
            ],
        );
    }

    /// Each paragraph of `prose`, set between the story's, stays whole.
    fn assert_all_stay(prose: &[&str]) {
        let a = article_with(prose);
        for p in prose {
            assert!(a.text.contains(p), "{p} missing from:\n{}", a.text);
        }
    }

    #[test]
    fn prose_about_scripts_that_failed_stays() {
        assert_all_stay(&[
            "The timetable page failed to load for most of Tuesday, the company said.",
            "Browsers let users turn JavaScript off, and a few still do.",
        ]);
    }

    #[test]
    fn a_reading_time_badge_goes() {
        let a = ferry_story(
            "<p class=\"meta__reading-time\"><span class=\"sr-only\">Temps de </span>Lecture \
             4 min.</p><div>Estimated reading time: 6 minutes</div><p>8 min read</p>",
            "",
        );
        assert_absent(&a, &["Lecture", "reading time", "min read"]);
        assert_eq!(a.text.matches("repairs to the pier").count(), 5);
    }

    #[test]
    fn prose_about_reading_for_minutes_stays() {
        assert_all_stay(&[
            "She could read for 20 minutes before the pain came back.",
            "Read: 5 things to know",
        ]);
    }

    #[test]
    fn a_donation_box_goes() {
        let a = ferry_story(
            "",
            "<div class=\"donate-box\"><p class=\"message\">The Gazette's independent reporting \
             depends on donations from readers like you.</p>\
             <a class=\"button\" href=\"/donate\">Give Now</a></div>",
        );
        assert_absent(&a, &["depends on donations", "Give Now"]);
        assert!(a.removed.paywall >= 1, "{:?}", a.removed);
    }

    const APPLE: &str = "https://apps.apple.com/us/app/harbour-gazette/id100";
    const GOOGLE: &str = "https://play.google.com/store/apps/details?id=com.gazette";

    #[test]
    fn app_download_promos_go() {
        let a = ferry_story(
            "",
            &format!(
                // A line with the stores' names as its links.
                "<p>For the latest stories download the Gazette apps for <a href=\"{APPLE}\">\
                 <strong>iOS</strong></a> and <a href=\"{GOOGLE}\">Android</a>.</p>\
                 <div class=\"app-section\"><p><b>Get the news straight to your phone with our \
                 app.</b></p><div><a href=\"{GOOGLE}\"><img src=\"/play-badge.png\" alt=\"Get it \
                 on Google Play\"></a><a href=\"{APPLE}\"><img src=\"/store-badge.png\" \
                 alt=\"Download on the App Store\"></a></div></div>\
                 <p>{FERRY_PARA} (after)</p>\
                 <div><a href=\"{APPLE}\"><img src=\"/b1.png\"></a> \
                 <a href=\"{GOOGLE}\"><img src=\"/b2.png\"></a></div>"
            ),
        );
        assert_absent(
            &a,
            &["Gazette apps", "to your phone", "badge.png", "b1.png"],
        );
        assert_eq!(a.text.matches("harbour master").count(), 6, "{}", a.text);
    }

    #[test]
    fn apps_an_article_recommends_stay() {
        let a = ferry_story(
            &format!(
                "<p>Two apps show the crossings live:</p><ul><li><a href=\"{APPLE}\">Harbour \
                 Live</a></li><li><a href=\"{GOOGLE}\">Tide Tables</a></li></ul>"
            ),
            &format!(
                "<p>The operator's <a href=\"{APPLE}\">app for iPhone</a> and its \
                 <a href=\"{GOOGLE}\">Android twin</a> now sell tickets, the council said, \
                 and <a href=\"/fares\">fares</a> stay as they are.</p>"
            ),
        );
        assert_present(
            &a,
            &[
                "Harbour Live",
                "Tide Tables",
                "app for iPhone and its Android twin",
            ],
        );
    }
}

/// Share bars told by where their buttons send the reader, not by their names.
mod share_bars {
    use super::*;

    const ICONS: &str =
        "<a href=\"https://www.facebook.com/sharer/sharer.php?u=x\"><i class=\"fa fa-fb\"></i></a>\
         <a href=\"https://twitter.com/intent/tweet?url=x\"><svg><path d=\"M0\"/></svg></a>\
         <a href=\"mailto:?subject=Ferry%20timetable\"><img src=\"/mail.png\" alt=\"\"></a>";

    #[test]
    fn an_unnamed_bar_of_share_buttons_goes_with_its_label() {
        let a = ferry_story(
            "",
            &format!(
                "<div style=\"float:right\"><strong>Would you like to share the article?</strong>\
                 <br>{ICONS}</div>\
                 <div><hr>Tell others about it:<ul><li><a href=\"https://www.linkedin.com/shareArticle?url=x\">LinkedIn</a></li>\
                 <li><a href=\"https://api.whatsapp.com/send?text=x\">WhatsApp</a></li></ul></div>"
            ),
        );
        for gone in ["share the article", "Tell others", "LinkedIn", "WhatsApp"] {
            assert!(!a.text.contains(gone), "{gone} left in:\n{}", a.text);
        }
        assert!(!a.content_html.contains("mail.png"), "{}", a.content_html);
        assert_eq!(a.text.matches("harbour master").count(), 5);
    }

    #[test]
    fn the_date_byline_and_pictures_beside_share_buttons_stay() {
        let a = ferry_story(
            &format!(
                "<div><ul><li>Updated <time datetime=\"2024-03-02\">March 2, 2024</time> with the \
                 council's reply</li>\
                 <li>{ICONS}</li></ul></div>\
                 <div><img src=\"/pier.jpg\" alt=\"The pier\">{}</div>",
                &ICONS[..ICONS.find("<a href=\"mailto").unwrap()]
            ),
            // A paragraph that cites two posts is no share bar, however short.
            "<p>Both replied on <a href=\"https://twitter.com/harbour/status/1\">X</a> and on \
             <a href=\"https://www.facebook.com/harbour/posts/2\">Facebook</a> this week.</p>",
        );
        // (A line that only says when would go as the date the view shows; see
        // `a_date_line_that_repeats_the_pages_date_goes`.)
        assert!(
            a.text
                .contains("Updated March 2, 2024 with the council's reply"),
            "{}",
            a.text
        );
        assert!(a.content_html.contains("pier.jpg"), "{}", a.content_html);
        assert!(a.text.contains("Both replied on X"), "{}", a.text);
    }

    /// A bar named for sharing that also holds the byline: the bar goes, and the byline is
    /// still the page's.
    #[test]
    fn a_byline_set_in_a_share_bar_is_read() {
        let a = ferry_story(
            &format!(
                "<div class=\"post-info-share-bar\"><div class=\"post-tag\">\
                 <a href=\"/author/mira/\" class=\"post-author-link\"><span>BY</span>\
                 <span class=\"author-name\">Mira Shah</span></a></div>\
                 <div class=\"social-icons\">{ICONS}</div></div>"
            ),
            "",
        );
        assert_eq!(a.byline.as_deref(), Some("Mira Shah"), "{}", a.text);
        assert_absent(&a, &["Mira Shah"]);
    }

    #[test]
    fn a_short_post_beside_its_share_buttons_is_read() {
        let html = "<html><head><title>Photo of the day</title></head><body>\
            <nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article>\
            <h1>Photo of the day</h1><p>Sunrise over the harbour, taken from the pier.</p>\
            <div><a href=\"https://www.facebook.com/sharer/sharer.php?u=x\">Facebook</a> \
            <a href=\"https://twitter.com/intent/tweet?url=x\">Twitter</a></div>\
            </article></body></html>";
        let a = extract_ok(html, "https://news.example.com/photo");
        assert!(a.text.contains("Sunrise over the harbour"), "{}", a.text);
    }
    /// What the view says it took away counts furniture, not the parts of a drawing: an icon
    /// sprite's `<symbol id="icon-share">` or `<g class="comments">` is no share bar or thread
    /// (and the extension hands the core its drawings empty, so they must not count here).
    #[test]
    fn icons_named_like_furniture_are_not_counted_as_removed() {
        let sprite = "<svg class=\"sprite\"><symbol id=\"icon-share\"><path d=\"M0\"/>\
                      </symbol><g class=\"comments\"><path d=\"M1\"/></g>\
                      <g class=\"share-button\"><path d=\"M2\"/></g></svg>";
        let plain = ferry_story("", "");
        let drawn = ferry_story(sprite, "");
        assert_eq!(drawn.text, plain.text);
        assert_eq!(
            (drawn.removed.share, drawn.removed.comments),
            (plain.removed.share, plain.removed.comments),
            "{:?}",
            drawn.removed
        );
    }
}

/// A body cut in parts of the same name, which are not siblings.
mod split_bodies {
    use super::*;

    const OPENING: &str = "The council approved the ferry budget on Tuesday night, after a debate \
                           that ran for four hours, and the first boats will sail in spring.";

    fn page(before: &str, after: &str) -> quietpage::Article {
        let body: String = (0..5)
            .map(|i| format!("<p>{FERRY_PARA} ({i})</p>"))
            .collect();
        let html = format!(
            "<html><head><title>Ferry budget approved</title></head><body>\
             <nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>\
             <main><div class=\"layout\">{before}\
             <section class=\"row main-row\"><div class=\"container\"><div class=\"column\">\
             <div class=\"story-text\">{body}</div></div><aside class=\"ad\"><div id=\"slot-2\"></div></aside>\
             </div></section>{after}</div></main><footer>Copyright Harbour News</footer></body></html>"
        );
        extract_ok(&html, "https://news.example.com/ferry-budget")
    }

    #[test]
    fn the_opening_set_apart_by_an_ad_leads_the_story() {
        let opening = format!(
            "<div class=\"story-text\"><p>{OPENING}</p><p>Most of the money goes to the \
             pier.</p></div><aside class=\"ad\"><p>Story continues below</p><div id=\"slot-1\"></div></aside>"
        );
        // In a row of its own, or beside the rows that hold the body (whose wrappers the
        // emit pass must then read, though they lie outside the article).
        let row = format!(
            "<section class=\"row lead-row\"><div class=\"container\"><div class=\"column\">\
             {opening}</div></div></section>"
        );
        for a in [page(&row, ""), page(&opening, "")] {
            check_opening(&a);
        }
    }

    fn check_opening(a: &quietpage::Article) {
        let opening = a.text.find("The council approved");
        let body = a.text.find("harbour master");
        assert!(opening.is_some() && opening < body, "{}", a.text);
        assert!(a.text.contains("Most of the money"), "{}", a.text);
        assert_eq!(a.text.matches("harbour master").count(), 5, "{}", a.text);
        assert!(!a.text.contains("Copyright"), "{}", a.text);
    }

    /// A CMS that sets each opening paragraph in a `<div>` of its own and the rest in a body
    /// past an inline box of related links: the wrapped openers are the story's start, as
    /// Readability reads them (a `<div>` holding one `<p>` is that `<p>`).
    #[test]
    fn openers_wrapped_one_by_one_lead_the_story() {
        let openers: String = ["first", "second", "third"]
            .iter()
            .map(|n| format!("<div class=\"{n}Par\"><p>{OPENING} ({n})</p></div>"))
            .collect();
        let body: String = (0..6)
            .map(|i| format!("<p>{FERRY_PARA} ({i}), and more was said.</p>"))
            .collect();
        let html = format!(
            "<html><head><title>Ferry budget approved</title></head><body>\
             <div class=\"story\"><h1>Ferry budget approved</h1><div id=\"bodyArea\">{openers}\
             <div class=\"inline-links\"><ul><li><a href=\"/a\">Pier closes</a></li>\
             <li><a href=\"/b\">Crews trained</a></li></ul></div>\
             <div class=\"body\">{body}</div></div></div></body></html>"
        );
        let a = extract_ok(&html, "https://news.example.com/ferry-budget");
        let first = a.text.find("The council approved");
        assert!(
            first.is_some() && first < a.text.find("harbour master"),
            "{}",
            a.text
        );
        assert_eq!(
            a.text.matches("The council approved").count(),
            3,
            "{}",
            a.text
        );
        assert_eq!(a.text.matches("harbour master").count(), 6, "{}", a.text);
    }

    /// Nine paragraphs of the story's end, past a gallery: more than an appeal's length,
    /// scored below the body (no commas).
    fn rest(heading: &str) -> String {
        let paragraphs: String = (0..9)
            .map(|i| {
                format!(
                    "<p>Later that week the ferry crews met the harbour master on the pier \
                     and walked the new route from one end to the other ({i}).</p>"
                )
            })
            .collect();
        format!(
            "<div class=\"gallery\"><figure><img src=\"/pier.jpg\" alt=\"\"></figure></div>\
             <section class=\"row\"><div class=\"container\"><div class=\"column\">{heading}\
             <div class=\"story-text\">{paragraphs}</div></div></div></section>"
        )
    }

    #[test]
    fn the_end_past_a_gallery_is_read() {
        let a = page("", &rest(""));
        assert_eq!(
            a.text.matches("harbour master said").count(),
            5,
            "{}",
            a.text
        );
        assert_eq!(a.text.matches("Later that week").count(), 9, "{}", a.text);
    }

    #[test]
    fn teasers_and_appeals_named_like_the_body_stay_out() {
        // A blog's front page: the next post is titled by a link to it.
        let a = page(
            "",
            &rest("<h2><a href=\"/next-post\">The next post</a></h2>"),
        );
        assert!(!a.text.contains("Later that week"), "{}", a.text);

        let teaser = |n: u32| {
            format!(
                "<div class=\"teaser\"><a href=\"/story-{n}\"><img src=\"/t{n}.jpg\" alt=\"\"></a>\
                 <span class=\"headline\">Another story from the harbour, number {n}</span>\
                 <div class=\"story-text\"><p>{OPENING} ({n})</p></div></div>"
            )
        };
        let a = page(
            &format!(
                "<div class=\"teasers\">{}{}{}</div>",
                teaser(1),
                teaser(2),
                teaser(3)
            ),
            "<section class=\"row\"><div class=\"container\"><div class=\"column\"><div class=\"story-text\">\
             <p>Support Harbour News from one euro a month: our reporting is free to read, \
             and it stays so because readers like you pay for it.</p></div></div></div></section>",
        );
        assert_absent(&a, &["The council approved", "Support Harbour News"]);
        assert_eq!(a.text.matches("harbour master").count(), 5, "{}", a.text);
    }
}

/// An audio episode's page: the description is the one block of prose, in a wrapper with the
/// episode's pictures and its player's buttons, beside short panes about other episodes.
mod best_block {
    use super::*;

    #[test]
    fn the_description_stays_when_its_wrapper_is_furniture() {
        let html = "<html><head><title>Harbour Hour for Friday, May 3</title></head><body>\
            <div class=\"wrap\"><div class=\"layout\"><div class=\"episode\">\
            <h1>Harbour Hour for Friday, May 3</h1>\
            <img src=\"/img/teaser.jpg\" alt=\"\"><img src=\"/img/badge.gif\" alt=\"\">\
            <img src=\"/img/logo.gif\" alt=\"\"><img src=\"/img/t2.jpg\" alt=\"\">\
            <img src=\"/img/t3.jpg\" alt=\"\">\
            <div class=\"description\"><div class=\"label\">Episode description:</div>\
            <div class=\"items\">The ferry council met again this week, and the news was \
            mixed: the new pier is late, the budget is short, and the boats that were meant to \
            sail in spring will wait until autumn. We hear from the harbour master, from two \
            captains, and from a fisherman who has worked these waters for forty years, about \
            what the delay means for the town, for the island, and for the summer trade.</div>\
            </div><div class=\"player\"><p>To listen, enable JavaScript.</p>\
            <img src=\"/img/flash.gif\" alt=\"\"><img src=\"/img/support.gif\" alt=\"\">\
            <ul><li><a href=\"/a.mp3\">Download audio</a></li><li><a href=\"/embed\">Embed \
            player</a></li><li><a href=\"/help\">Player help</a></li></ul></div></div>\
            <div class=\"pane\"><div class=\"pane-inner\"><p>Last week, the show visited the \
            lighthouse, where the keepers told us about storms, ships and the long winter \
            nights.</p></div></div>\
            <div class=\"pane\"><div class=\"pane-inner\"><p>Next week, the show goes to the \
            market, where the traders talk about prices, weather and the tourists who come in \
            June.</p></div></div></div></div></body></html>";
        let a = extract_ok(
            html,
            "https://radio.example.com/shows/harbour-hour/2024-05-03",
        );
        assert!(a.text.contains("the news was mixed"), "{}", a.text);
        assert!(a.text.contains("summer trade."), "{}", a.text);
        // The player's buttons went with their own block, not the description with them.
        for furniture in ["Download audio", "Embed player", "enable JavaScript"] {
            assert!(!a.text.contains(furniture), "{furniture:?} in {}", a.text);
        }
    }
}

/// Headings given to screen readers alone, which name a page's regions for them, and the
/// labels such readers get for a figure.
mod screen_reader_headings {
    use super::*;

    #[test]
    fn a_region_heading_only_screen_readers_get_goes() {
        let a = ferry_story(
            "<h2 class=\"sr-only\">Main content</h2><h2 class=\"element-invisible\">Hauptinhalt</h2>",
            "<h3>Tips for travellers</h3><p>Book ahead in summer \
             <span class=\"screen-reader-text\">(the operator says)</span>.</p>\
             <h2 class=\"Text-Hide\">More from the harbour</h2>",
        );
        assert_absent(
            &a,
            &["Main content", "Hauptinhalt", "More from the harbour"],
        );
        assert!(a.text.starts_with("The harbour master"), "{}", a.text);
        // Other text kept for screen readers still finishes its sentence.
        assert_present(
            &a,
            &[
                "Tips for travellers",
                "Book ahead in summer (the operator says).",
            ],
        );
    }

    /// A block of its own for screen readers ("list of 4 items" before a list, "Article
    /// continues below" over an ad) says what the view shows another way, or nothing.
    #[test]
    fn a_block_only_screen_readers_get_goes() {
        let a = ferry_story(
            "<p class=\"screen-reader-text\">list of 2 items</p><ul><li>Book ahead in \
             summer.</li><li>Arrive early.</li></ul><div class=\"sr-only\">Article continues \
             below</div>",
            "",
        );
        assert_absent(&a, &["list of 2 items", "Article continues below"]);
        assert_present(&a, &["Book ahead in summer.", "Arrive early."]);
    }

    #[test]
    fn a_figures_label_only_screen_readers_get_goes() {
        let a = ferry_story(
            "<figure><span class=\"visually-hidden\">Photo</span><img src=\"/pier.jpg\" alt=\"\">\
             <figcaption>The pier at dawn.</figcaption></figure>",
            "",
        );
        assert!(!a.text.contains("Photo"), "{}", a.text);
        assert!(a.content_html.contains("pier.jpg"), "{}", a.content_html);
        assert!(a.text.contains("The pier at dawn."), "{}", a.text);
    }

    #[test]
    fn an_icon_links_label_only_screen_readers_get_goes() {
        let a = ferry_story(
            "",
            "<p>Reported by Ada Lind, <a href=\"https://orcid.org/0000-0002\"><i class=\"icon-orcid\"></i> \
             <span class=\"element-invisible\">View ORCID Profile</span></a><span>Ben Okafor</span> \
             and <a href=\"/staff/cho\">Mi-rae Cho<span class=\"sr-only\"> (opens a profile)</span></a>.</p>",
        );
        assert_absent(&a, &["View ORCID Profile"]);
        // A label after a link's own words still finishes them.
        assert_present(
            &a,
            &["Ada Lind, Ben Okafor and Mi-rae Cho (opens a profile)."],
        );
    }

    /// A recipe card's checkbox before each ingredient is labelled "▢" for screen readers:
    /// the view shows no checkbox, so the label goes and the ingredient stays.
    #[test]
    fn a_controls_label_only_screen_readers_get_goes() {
        let row = |name: &str| {
            format!(
                "<li><span class=\"checkbox-container\"><input type=\"checkbox\"><label>\
                 <span class=\"sr-only screen-reader-text\">▢ </span></label></span>{name}</li>"
            )
        };
        let a = ferry_story(
            "",
            &format!(
                "<ul>{}{}</ul>",
                row("2 cups of flour"),
                row("1 cup of milk")
            ),
        );
        assert_absent(&a, &["▢"]);
        assert_present(&a, &["2 cups of flour", "1 cup of milk"]);
    }
}

/// Skip links: the first link of many themes, there for keyboard users to pass the menus.
mod skip_links {
    use super::*;

    #[test]
    fn links_that_skip_to_the_content_go() {
        let a = ferry_story(
            "<a class=\"skip-link screen-reader-text\" href=\"#content\">Skip to content</a>\
             <ul class=\"skiplinks\"><li class=\"skipLink\"><a href=\"#main\">Zum Inhalt \
             springen</a></li><li><a class=\"navSkip\" href=\"#nav\">Zur Navigation</a></li></ul>",
            "<a class=\"visually-hidden skip-to-text-link\" href=\"#after-ad\">Continue reading \
             the main story</a><p id=\"after-ad\">The pier reopens in May.</p>\
             <a class=\"visually-hidden skip-to-text-link\" \
             href=\"https://news.example.com/ferry#start\">Go Back to Top. Skip To: Start of \
             Article.</a>",
        );
        assert_absent(
            &a,
            &[
                "Skip to content",
                "Zum Inhalt",
                "Zur Navigation",
                "Continue reading",
                "Go Back to Top",
            ],
        );
        assert!(a.text.starts_with("The harbour master"), "{}", a.text);
        assert!(a.text.contains("The pier reopens in May."), "{}", a.text);
    }

    #[test]
    fn headings_and_links_within_the_page_that_say_skip_otherwise_stay() {
        let a = ferry_story(
            "<p>Contents: <a href=\"#tips\">Tips</a></p>",
            // `skip-toc`: a heading the table of contents leaves out; `rs_skip`: text that
            // read-aloud tools pass over; neither is a skip link.
            "<h3 class=\"skip-toc\" id=\"tips\">Tips for travellers</h3>\
             <p class=\"rs_skip\">Book ahead in summer, as the note says.<a href=\"#n1\">1</a></p>",
        );
        assert_present(
            &a,
            &[
                "Contents: Tips",
                "Tips for travellers",
                "Book ahead in summer",
            ],
        );
    }
}

/// A picture widget's buttons ("hide caption", "Enlarge this image") are words a script
/// makes work; in the view they do nothing. The picture and its caption stay.
mod picture_controls {
    use super::*;

    #[test]
    fn caption_toggles_go_and_the_caption_stays() {
        let a = ferry_story(
            "<div class=\"bucketwrap image\"><div class=\"imagewrap\"><img src=\"/pier.jpg\" \
             alt=\"\"><div class=\"enlarge-options\"><a class=\"enlargelink\" \
             href=\"/pier-big.jpg\">Enlarge this image</a></div></div>\
             <div class=\"credit-caption\"><div class=\"caption-wrap\"><div class=\"caption\">\
             <p>The pier at dawn, before the repairs. <b class=\"hide-caption\"><b>hide \
             caption</b></b></p></div><b class=\"toggle-caption\"><b>toggle caption</b></b>\
             </div></div></div><figure><div class=\"image\"><img src=\"/ramp.jpg\" alt=\"\">\
             <span class=\"enlarge-button\"><span>View Images</span></span></div>\
             <figcaption>The new ramp.</figcaption></figure>",
            "<p>Click to enlarge the timetable: a <a href=\"/t.pdf\">PDF</a> of every crossing.</p>",
        );
        for control in [
            "hide caption",
            "toggle caption",
            "Enlarge this image",
            "View Images",
        ] {
            assert!(!a.text.contains(control), "{control} left in:\n{}", a.text);
        }
        assert!(
            a.text.contains("The pier at dawn, before the repairs.\n"),
            "{}",
            a.text
        );
        assert!(a.content_html.contains("pier.jpg"), "{}", a.content_html);
        assert!(a.content_html.contains("ramp.jpg"), "{}", a.content_html);
        assert!(a.text.contains("The new ramp."), "{}", a.text);
        // A sentence that starts with a control's words is a sentence.
        assert!(
            a.text.contains("Click to enlarge the timetable"),
            "{}",
            a.text
        );
    }

    /// Pretty-printed markup sets a button's words on a line of their own, indented: the
    /// label is the words, not the spaces around them.
    #[test]
    fn a_toggle_indented_on_lines_of_its_own_goes() {
        let indent = format!("\n{}", " ".repeat(36));
        let a = ferry_story(
            &format!(
                "<div class=\"step\"><p>Cross to the island on the first boat.</p>\
                 <div class=\"image-toggle\"><span class=\"open\">{indent}Bild anzeigen{indent}\
                 </span><span class=\"close\">{indent}Bild schließen{indent}</span></div>\
                 <img src=\"/boat.jpg\" alt=\"\"></div>"
            ),
            "",
        );
        for control in ["Bild anzeigen", "Bild schließen"] {
            assert!(!a.text.contains(control), "{control} left in:\n{}", a.text);
        }
        assert!(a.text.contains("Cross to the island"), "{}", a.text);
    }
}

/// A recipe's or a how-to's steps, each a line and its picture: Readability drops a block of
/// more pictures than paragraphs as a gallery, which was the whole method. On a page that
/// declares itself a recipe or a how-to (schema.org, in JSON-LD) the steps are read.
mod steps_with_pictures {
    use super::*;

    const STEPS: [&str; 5] = [
        "Dice the tofu and press it between paper towels to dry it.",
        "Fry the tofu in hot oil until the edges are golden brown.",
        "With two spoons of oil left in the wok, fry the garlic until fragrant.",
        "Add the noodles and the sauce, and toss everything for two minutes.",
        "Serve at once, with the bean sprouts and a wedge of lime.",
    ];

    fn page(json_ld: &str) -> quietpage::Article {
        let steps: String = (STEPS.iter().enumerate())
            .map(|(i, s)| {
                format!("<li class=\"direction-step\">{s}<img src=\"/step-{i}.jpg\" alt=\"\"></li>")
            })
            .collect();
        let html = format!(
            "<html><head><title>Fried noodles with tofu</title>{json_ld}</head><body>\
             <article><h1>Fried noodles with tofu</h1><p>{FERRY_PARA}</p><p>{FERRY_PARA}</p>\
             <h2>Ingredients</h2><ul><li>200 g tofu</li><li>240 g noodles</li><li>2 cloves \
             garlic</li></ul><h2>Directions</h2><ul class=\"directions-list\">{steps}</ul>\
             <p>{FERRY_PARA}</p></article></body></html>"
        );
        extract_ok(&html, "https://food.example.com/noodles")
    }

    #[test]
    fn a_recipes_steps_with_their_pictures_are_read() {
        for json_ld in [
            r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"Recipe","name":"Fried noodles with tofu"}</script>"#,
            r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":["HowTo"],"name":"Fried noodles"}]}</script>"#,
        ] {
            let a = page(json_ld);
            for step in STEPS {
                assert!(a.text.contains(step), "{step} lost:\n{}", a.text);
            }
            assert_eq!(
                a.content_html.matches("<img").count(),
                STEPS.len(),
                "{}",
                a.content_html
            );
        }
    }

    /// Without the declaration the block reads as Readability reads it (a dialog's steps to
    /// set a home page look the same).
    #[test]
    fn the_same_block_on_a_page_that_declares_no_steps_is_a_gallery() {
        let a = page("");
        assert!(!a.text.contains(STEPS[2]), "{}", a.text);
        assert!(a.text.contains("240 g noodles"), "{}", a.text);
    }
}

/// A recipe's ingredients are rows of an amount and a name: too short, or too linked, for
/// Readability's cleaning, which takes them for a menu. On a page that declares a recipe, a
/// block named for them stays.
mod ingredients {
    use super::*;

    const RECIPE: &str = r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"Recipe","name":"Porridge with apple"}</script>"#;

    const ROWS: [(&str, &str); 4] = [
        ("300 ml", "oat milk"),
        ("80 g", "rolled oats"),
        ("1 pinch", "cinnamon"),
        ("2", "small apples"),
    ];

    fn page(head: &str, list: &str, after: &str) -> quietpage::Article {
        let html = format!(
            "<html><head><title>Porridge with apple</title>{head}</head><body><article>\
             <h1>Porridge with apple</h1><p>{FERRY_PARA}</p><p>{FERRY_PARA}</p>\
             <h2>Ingredients</h2>{list}{after}<h2>Method</h2><p>{FERRY_PARA}</p>\
             <p>{FERRY_PARA}</p></article></body></html>"
        );
        extract_ok(&html, "https://food.example.com/porridge")
    }

    /// Each row two boxes, amount and name (a grid's `row` of `col-3` and `col-9`).
    fn boxes() -> String {
        let rows: String = (ROWS.iter())
            .map(|(amount, name)| {
                format!(
                    "<div class=\"recipe-ingredients__item\"><div class=\"row\">\
                     <div class=\"col-3\">{amount}</div><div class=\"col-9\">{name}</div>\
                     </div></div>"
                )
            })
            .collect();
        format!("<div class=\"recipe-ingredients\">{rows}</div>")
    }

    /// Each name a link to the site's glossary.
    fn glossary(itemprop: &str) -> String {
        let rows: String = (ROWS.iter())
            .map(|(amount, name)| {
                format!(
                    "<dd><span class=\"p-ingredient\"{itemprop}><span>{amount}</span>\
                     <div><a href=\"/glossary/{name}\">{name}</a></div></span></dd>"
                )
            })
            .collect();
        format!("<div class=\"field\"><dl><dt>For 2 servings</dt>{rows}</dl></div>")
    }

    fn assert_rows(a: &quietpage::Article) {
        for (amount, name) in ROWS {
            assert!(a.text.contains(amount), "{amount} lost:\n{}", a.text);
            assert!(a.text.contains(name), "{name} lost:\n{}", a.text);
        }
    }

    #[test]
    fn rows_of_short_boxes_stay_on_a_recipe() {
        assert_rows(&page(RECIPE, &boxes(), ""));
    }

    #[test]
    fn names_linked_to_a_glossary_stay_on_a_recipe() {
        assert_rows(&page(RECIPE, &glossary(""), ""));
    }

    /// Microdata marks the ingredients, and with them the page as a recipe.
    #[test]
    fn ingredients_marked_in_microdata_stay() {
        assert_rows(&page("", &glossary(" itemprop=\"recipeIngredient\""), ""));
    }

    /// Without the declaration the blocks read as Readability reads them.
    #[test]
    fn the_same_rows_on_a_page_that_declares_no_recipe_go() {
        let a = page("", &boxes(), "");
        assert!(!a.text.contains("rolled oats"), "{}", a.text);
        let a = page("", &glossary(""), "");
        assert!(!a.text.contains("rolled oats"), "{}", a.text);
        assert!(a.text.contains(FERRY_PARA), "{}", a.text);
    }

    /// A recipe card's headings are named as headers (WP Recipe Maker's
    /// `wprm-recipe-header`), which Readability drops as a page's header: they stay, and a
    /// heading named a header and nothing of a recipe still goes.
    #[test]
    fn a_recipe_cards_headings_stay() {
        let card = format!(
            "<div class=\"wprm-recipe\"><h3 class=\"wprm-recipe-header wprm-recipe-ingredients-header\">\
             Ingredients</h3>{}<h3 class=\"wprm-recipe-header wprm-recipe-instructions-header\">\
             Instructions</h3><ol><li>{FERRY_PARA}</li></ol><h3 class=\"site-header-title\">\
             Harbour Kitchen</h3></div>",
            glossary("")
        );
        let a = page(RECIPE, &card, "");
        for heading in ["Ingredients", "Instructions"] {
            assert!(
                a.content_html.contains(&format!(">{heading}</h3>")),
                "{}",
                a.content_html
            );
        }
        assert!(!a.text.contains("Harbour Kitchen"), "{}", a.text);
        assert_rows(&a);
    }

    /// In the ingredients' box, the servings' calculator and a cloud of glossary links
    /// still go.
    #[test]
    fn a_form_and_a_cloud_of_links_in_the_box_go() {
        let form = "<form class=\"ingredients__form\"><span>For <input type=\"text\" \
                    value=\"2\"> servings</span></form>";
        let cloud = "<div class=\"ingredients-more\"><a href=\"/glossary/oats\">Oats</a>\
                     <a href=\"/glossary/apple\">Apple</a><a href=\"/glossary/cinnamon\">\
                     Cinnamon</a></div>";
        let list = format!(
            "<section class=\"ingredients\">{form}{}{cloud}</section>",
            glossary("")
        );
        let a = page(RECIPE, &list, "");
        assert_rows(&a);
        for gone in ["For servings", "Oats", "Apple"] {
            assert!(!a.text.contains(gone), "{gone} left in:\n{}", a.text);
        }
    }
}

/// A link that only takes the reader back (to the top, to the contents, to the list the
/// story came from) has nowhere to go in the view or an export.
mod back_links {
    use super::*;

    #[test]
    fn links_back_go_and_words_about_going_back_stay() {
        let a = ferry_story(
            "<p><a href=\"#start\">Zurück zum Inhaltsverzeichnis</a></p>",
            "<p><a href=\"#top\">↑ Back to top</a></p>\
             <div><a href=\"/news\"><i class=\"fa fa-angle-left\"></i>zurück zur Listenansicht</a></div>\
             <p>The ferry turned and went <a href=\"/route\">back to the harbour</a> at noon.</p>\
             <p>Nobody wanted to go back to top speed after the storm.</p>",
        );
        for gone in ["Inhaltsverzeichnis", "Back to top", "Listenansicht"] {
            assert!(!a.text.contains(gone), "{gone} left in:\n{}", a.text);
            assert!(!a.content_html.contains(gone), "{gone} left in the view");
        }
        for kept in ["went back to the harbour at noon", "go back to top speed"] {
            assert!(a.text.contains(kept), "{kept} lost:\n{}", a.text);
        }
        assert_eq!(a.text.matches("harbour master").count(), 5);
    }

    /// A link past a promotion to the place after it, named with a hashed class: "skip past
    /// newsletter promotion" (the Guardian), "SKIP ADVERTISEMENT" (the New York Times).
    #[test]
    fn links_that_skip_a_promotion_go_and_words_about_skipping_stay() {
        let a = ferry_story(
            "",
            "<a href=\"#EmailSignup-skip-link-9\" class=\"dcr-ynalonj\">skip past newsletter \
             promotion</a><p>Skip the queue: buy a ticket online.</p>\
             <div><a class=\"css-1ly73wi\" href=\"#after-dfp-ad-mid1\">SKIP ADVERTISEMENT</a></div>\
             <p>Crews <a href=\"#schedule\">skip the last crossing</a> when the wind is up.</p>",
        );
        assert_absent(&a, &["skip past", "SKIP ADVERTISEMENT"]);
        for kept in ["Skip the queue", "skip the last crossing"] {
            assert!(a.text.contains(kept), "{kept} lost:\n{}", a.text);
        }
    }
}

/// Advertisements told by the label a page writes over them.
mod ad_labels {
    use super::*;

    #[test]
    fn labels_go_with_the_banners_they_label() {
        let a = ferry_story(
            "",
            "<figure><a href=\"https://ads.example/c\"><img src=\"/banner.png\" alt=\"\"></a>\
             <figcaption>ANZEIGE</figcaption></figure>\
             <div><span>Advertisement</span></div>\
             <center> - Publicité - <br><a href=\"https://ads.example/d\"><img src=\"/shop.png\"></a></center>\
             <p class=\"x\">Story continues below advertisement</p>",
        );
        for gone in ["ANZEIGE", "Advertisement", "Publicité", "Story continues"] {
            assert!(!a.text.contains(gone), "{gone} left in:\n{}", a.text);
        }
        for banner in ["banner.png", "shop.png"] {
            assert!(!a.content_html.contains(banner), "{}", a.content_html);
        }
        assert_eq!(a.text.matches("harbour master").count(), 5);
    }

    /// The lines that tell the story goes on past an ad set in it: Il Post's under the slot,
    /// Le Monde's over it. The paragraphs around the slot stay.
    #[test]
    fn lines_that_say_the_story_goes_on_past_an_ad_go() {
        for (label, line) in [
            ("Pubblicità", "Continua sotto la pubblicità"),
            ("Publicité", "La suite après cette publicité"),
            ("Annonse", "Saken fortsetter under annonsen"),
        ] {
            let a = ferry_story(
                &format!(
                    "<p>{FERRY_PARA} (first)</p><div class=\"_adv-container_ynq1p_1\" \
                     data-adv-slot=\"mpu_1\"><span class=\"_adv-label\">{label}</span>\
                     <div id=\"div-gpt-ad-mpu-1\" style=\"min-height:250px\"></div><span \
                     class=\"_adv-after\">{line}</span></div>"
                ),
                "",
            );
            assert_absent(&a, &[label, line]);
            assert_eq!(a.text.matches("harbour master").count(), 6, "{}", a.text);
        }
    }

    #[test]
    fn words_about_advertising_and_captioned_pictures_stay() {
        let a = ferry_story(
            "",
            "<p>Advertisement revenue at the ferry company fell by a third.</p>\
             <figure><img src=\"/pier.jpg\" alt=\"\"><figcaption>The pier, sponsored by the \
             council</figcaption></figure>\
             <figure><img src=\"/a.jpg\" alt=\"\"><img src=\"/b.jpg\" alt=\"\">\
             <figure><img src=\"/ad.png\" alt=\"\"><figcaption>Anzeige</figcaption></figure></figure>",
        );
        assert!(a.text.contains("Advertisement revenue"), "{}", a.text);
        assert!(a.text.contains("sponsored by the council"), "{}", a.text);
        for picture in ["pier.jpg", "a.jpg", "b.jpg"] {
            assert!(
                a.content_html.contains(picture),
                "{picture}: {}",
                a.content_html
            );
        }
        assert!(!a.content_html.contains("ad.png"), "{}", a.content_html);
    }
}

/// Calls to action that sites name `cta` (write to us, donate, join): they ask something of
/// the reader and are no part of the story.
mod calls_to_action {
    use super::*;

    #[test]
    fn a_call_to_action_goes() {
        let a = ferry_story(
            "",
            "<section class=\"c-letters-cta\"><p class=\"c-letters-cta__text\">We want to hear \
             what you think about this article. <a href=\"/letters/\">Submit a letter</a> to \
             the editor.</p></section>\
             <div class=\"article-donation-CTA\"><p>Make your contribution now and help us \
             thrive. <a href=\"/donate\">Donate today</a></p></div>",
        );
        for gone in ["We want to hear", "Submit a letter", "Donate today"] {
            assert!(!a.text.contains(gone), "{gone} left in:\n{}", a.text);
        }
        assert_eq!(a.text.matches("harbour master").count(), 5);
        assert!(a.removed.paywall >= 2, "{:?}", a.removed);
    }

    /// A box named as an appeal for the reader's support goes whole, set between the story's
    /// sections or between its header and its body, where it is no standfirst either.
    #[test]
    fn an_appeal_for_support_goes() {
        let appeal = "<div class=\"cli-support-harbour\"><h3>Support Harbour News</h3>\
                      <p>At Harbour News, we believe that everyone needs good local journalism, \
                      and that is why we keep our reporting free to read.</p>\
                      <a class=\"button\" href=\"/support\">Contribute $2</a>\
                      <p>Already contributed? Log in to hide these messages.</p></div>";
        let a = ferry_story("", &format!("{appeal}<p>{FERRY_PARA} (after)</p>"));
        assert_absent(
            &a,
            &["Support Harbour", "we believe", "Contribute", "Already"],
        );
        assert_eq!(a.text.matches("harbour master").count(), 6);

        let body: String = (0..5)
            .map(|i| format!("<p>{FERRY_PARA} ({i})</p>"))
            .collect();
        let html = format!(
            "<html><head><title>Ferry timetable</title></head><body><article>\
             <header><h1>Ferry timetable</h1><div class=\"meta\">By Ann Lee</div></header>\
             <div class=\"sc-1lqzsm0-0 support-box\"><h3>Support trusted journalism</h3>\
             <p>Our mission is to deliver unbiased, fact-based reporting that holds power to \
             account.</p><p>Your support makes all the difference. Every pound helps.</p>\
             <a href=\"/donations\">Support us</a></div><div id=\"main\">{body}</div>\
             </article></body></html>"
        );
        let a = extract_ok(&html, "https://news.example.com/ferry");
        assert!(a.text.starts_with("The harbour master"), "{}", a.text);
        assert_absent(&a, &["Our mission", "Your support", "Support us"]);

        // Named for the contributions it asks for (Vox's `contributions-module`), with its
        // meter, its amounts and the editor's name under it, after the story.
        let appeal = "<div class=\"duet--contributions--contributions-module _1n3ksy00\">\
                      <p>Support Harbour News</p><h2>You've read 1 article in the last month</h2>\
                      <p>Here at Harbour News, we're unwavering in our commitment to covering \
                      the issues that matter most to you.</p><p>By becoming a member, you \
                      directly strengthen our ability to deliver independent reporting.</p>\
                      <div role=\"radiogroup\"><button>Monthly</button><button>Annual</button>\
                      </div><a href=\"/support-now\">Yes, I'll give $10/month</a>\
                      <p>Ann Lee</p><p>Editor-in-Chief</p></div>";
        let a = ferry_story("", appeal);
        assert_absent(
            &a,
            &[
                "You've read",
                "unwavering",
                "becoming a member",
                "Editor-in-Chief",
            ],
        );
        assert_eq!(a.text.matches("harbour master").count(), 5);
    }

    /// A player that reads the story aloud goes with its label, its duration and its
    /// narration's credits; a box that holds the `<audio>` itself is a clip the view links to.
    #[test]
    fn a_read_aloud_player_goes_and_an_audio_clip_stays() {
        let body: String = (0..5)
            .map(|i| format!("<p>{FERRY_PARA} ({i})</p>"))
            .collect();
        let html = format!(
            "<html><head><title>Ferry timetable</title></head><body><article>\
             <h1>Ferry timetable</h1><div class=\"article-audio\"><div class=\"audio-player\">\
             <span>NEW You can now listen to Harbour News articles!</span><button>Listen to \
             this article</button><span class=\"duration\">5 min</span></div><p>Produced by \
             Example Voices using AI narration.</p></div><div class=\"body\">{body}\
             <div class=\"audio-clip\"><audio controls src=\"/audio/pier.mp3\"></audio>\
             <p>The harbour master on the new timetable.</p></div></div></article></body></html>"
        );
        let a = extract_ok(&html, "https://news.example.com/ferry");
        assert_absent(&a, &["You can now listen", "5 min", "AI narration"]);
        assert_present(&a, &["The harbour master on the new timetable."]);
        assert!(a.content_html.contains("pier.mp3"), "{}", a.content_html);
    }

    /// What shares the name and is no appeal stays: a manual's "Support" section (a heading
    /// anchored `support`, its paragraphs) and a table of browser support.
    #[test]
    fn a_section_or_a_table_named_for_support_stays() {
        let a = ferry_story(
            "",
            "<h2 id=\"support\">Support</h2><p>Releases are supported with patches for a \
             month after the next release.</p><div class=\"browser-support\"><table>\
             <tr><th>Browser</th><th>Since</th></tr><tr><td>Firefox</td><td>121</td></tr>\
             <tr><td>Chrome</td><td>105</td></tr></table></div>",
        );
        assert_present(&a, &["Support", "supported with patches", "Firefox", "121"]);
    }
}

/// A post's own footer names its author ("Posted by … at 10:00"): the footer goes, its byline
/// is the page's.
mod post_footer_bylines {
    use super::*;

    fn body() -> String {
        (0..6)
            .map(|i| format!("<p>{FERRY_PARA} ({i})</p>\n"))
            .collect()
    }

    #[test]
    fn blogger_and_article_footers_name_the_author() {
        let blogger = format!(
            "<div class=\"post hentry\"><h3 class=\"post-title\">Ferry timetable</h3>\
             <div class=\"post-body\">{}</div><div class=\"post-footer\"><span \
             class=\"post-author vcard\">Posted by <span class=\"fn\" itemprop=\"author\">\
             <a href=\"https://www.blogger.com/profile/1\" rel=\"author\">Jo Example</a>\
             </span></span> at <a class=\"timestamp-link\" href=\"/2019/10/ferry.html\">\
             10:00</a></div></div>",
            body()
        );
        // Blogger's Simple theme sets each line of the footer in a box of its own.
        let lines = format!(
            "<div class=\"post hentry\"><h3 class=\"post-title\">Ferry timetable</h3>\
             <div class=\"post-body\">{}</div><div class=\"post-footer\"><div \
             class=\"post-footer-line post-footer-line-1\"><span class=\"post-author vcard\">\
             Posted by <span class=\"fn\" itemprop=\"author\"><a rel=\"author\" \
             href=\"https://www.blogger.com/profile/1\"><span itemprop=\"name\">Jo Example\
             </span></a></span></span></div><div class=\"post-footer-line \
             post-footer-line-2\">Labels: ferries</div></div></div>",
            body()
        );
        let article = format!(
            "<article><header><h1>Ferry timetable</h1></header>{}<footer>\
             <span itemprop=\"author\">Jo Example</span></footer></article>",
            body()
        );
        for page in [blogger, lines, article] {
            let html = format!(
                "<html><head><title>Ferry timetable</title></head><body>{page}\
                 <footer><p>Theme by <a rel=\"author\" href=\"/theme\">Theme Shop</a>\
                 </p></footer></body></html>"
            );
            let a = extract_ok(&html, "https://harbour.example/ferry");
            assert_eq!(a.byline.as_deref(), Some("Jo Example"), "{page}");
            assert!(!a.text.contains("Posted by"), "{}", a.text);
        }
    }

    /// The site's footer, beside no post's title, names no author of the page.
    #[test]
    fn the_sites_footer_names_no_author() {
        let html = format!(
            "<html><head><title>Ferry timetable</title></head><body><h1>Ferry timetable</h1>\
             {}<footer><p>Theme by <a rel=\"author\" href=\"/theme\">Theme Shop</a></p>\
             </footer></body></html>",
            body()
        );
        let a = extract_ok(&html, "https://harbour.example/ferry");
        assert_eq!(a.byline, None);
    }
}

/// A link to the story's section set over its headline (a kicker) says where the story is
/// filed, which the view does not show.
mod kickers {
    use super::*;

    fn page(header: &str) -> quietpage::Article {
        let body: String = (0..6)
            .map(|i| format!("<p>{FERRY_PARA} ({i})</p>\n"))
            .collect();
        let html = format!(
            "<html><head><title>Ferry timetable</title></head><body><article>\
             <header class=\"gh-article-header\">{header}</header><section>{body}</section>\
             </article></body></html>"
        );
        extract_ok(&html, "https://harbour.example/ferry")
    }

    #[test]
    fn a_section_link_over_the_headline_goes() {
        for header in [
            "<a class=\"gh-article-tag\" href=\"/tag/news/\">Harbour news</a>\
             <h1>Ferry timetable</h1><p class=\"excerpt\">What the spring timetable changes \
             for the islands, route by route, and when.</p>",
            "<div class=\"kicker\"><a href=\"/section/islands\">Harbour news</a></div>\
             <h1>Ferry timetable</h1>",
        ] {
            let a = page(header);
            assert!(!a.text.contains("Harbour news"), "{header}:\n{}", a.text);
            assert!(a.text.contains("repairs to the pier"), "{}", a.text);
        }
    }

    /// A byline set over the headline is the byline, not a kicker.
    #[test]
    fn an_author_link_over_the_headline_is_the_byline() {
        let a = page(
            "<div class=\"byline\"><a href=\"/author/mira-shah\" rel=\"author\">Mira Shah</a>\
             </div><h1>Ferry timetable</h1>",
        );
        assert_eq!(a.byline.as_deref(), Some("Mira Shah"), "{}", a.text);
    }
}

/// An information box that names the author only by a label before the name.
mod labelled_bylines {
    use super::*;

    fn page(meta_author: &str, facts: &str) -> String {
        let body: String = (0..6)
            .map(|i| format!("<p>{FERRY_PARA} ({i})</p>\n"))
            .collect();
        format!(
            "<html><head><title>Ferry timetable</title>{meta_author}</head><body><article>\
             <h1>Ferry timetable</h1>{body}</article><ul class=\"facts\"><li><strong>Date\
             </strong> 21.05.2020</li>{facts}</ul></body></html>"
        )
    }

    #[test]
    fn the_name_after_an_author_label_is_the_byline_over_the_sites_name() {
        let site = "<meta name=\"author\" content=\"Harbour News (www.harbour-news.com)\">";
        for facts in [
            "<li><strong>Author</strong> Antonio Cascais</li>",
            "<li><span>Autor: </span><span>Antonio Cascais</span></li>",
        ] {
            let a = extract_ok(&page(site, facts), "https://harbour.example/ferry");
            assert_eq!(a.byline.as_deref(), Some("Antonio Cascais"), "{facts}");
        }
    }

    /// A review sets the book's facts the same way ("Autorin: Alys Arden"): the label alone
    /// names no writer of the page.
    #[test]
    fn a_labelled_name_without_a_sites_name_to_replace_is_no_byline() {
        let facts = "<li><u>Autorin:</u> Alys Arden</li>";
        let a = extract_ok(&page("", facts), "https://harbour.example/ferry");
        assert_eq!(a.byline, None);
        // Inside the story, the fact stays in its text.
        let review = page("", "").replace(
            "<h1>Ferry timetable</h1>",
            "<h1>Ferry timetable</h1><p><u>Autorin:</u> Alys Arden</p>",
        );
        let a = extract_ok(&review, "https://harbour.example/ferry");
        assert!(a.text.contains("Autorin: Alys Arden"), "{}", a.text);
        let writer = "<meta name=\"author\" content=\"Jo Example\">";
        let a = extract_ok(&page(writer, facts), "https://harbour.example/ferry");
        assert_eq!(a.byline.as_deref(), Some("Jo Example"));
    }
}

/// A byline box that holds the author's name, job title and a line about them, each named
/// for what it is.
mod byline_boxes {
    use super::*;

    #[test]
    fn the_authors_title_and_line_about_them_go_with_the_name() {
        let a = ferry_story(
            "<div class=\"contrib-block\"><div class=\"contrib-byline\">\
             <div class=\"contrib-byline-author\"><a href=\"/sites/jo-example/\">Jo Example\
             </a></div><div class=\"contrib-byline-type\"><span>Senior Contributor</span>\
             </div><div class=\"contrib-byline-description\">I cover ferries, harbours and \
             the people who keep them running, from the Channel to the Baltic.</div></div></div>",
            "",
        );
        assert_eq!(a.byline.as_deref(), Some("Jo Example"));
        assert_absent(&a, &["Senior Contributor", "I cover ferries"]);
        assert!(a.text.starts_with("The harbour master said"), "{}", a.text);
    }

    /// A box about the author after the story, headed so ("Written by"), named for the
    /// author: their name, handle and biography go; the story's own end stays.
    #[test]
    fn a_box_headed_as_one_about_the_author_goes() {
        let a = ferry_story(
            "",
            "<section class=\"post-authors\"><h2>Written by</h2><div class=\"author-card\">\
             <img src=\"/jo.jpeg\" alt=\"Jo Example\" class=\"avatar\"><div \
             class=\"author-card__content\"><h3><a href=\"/author/jo/\">Jo Example</a></h3>\
             <p>@joexample</p><p>Jo is a staff reporter on the harbour desk, where she spends \
             most of her time on the ferries and the crews behind them. Before the Gazette she \
             wrote about fisheries for a paper on the other side of the bay.</p></div></div>\
             </section>",
        );
        assert_absent(&a, &["Written by", "@joexample", "staff reporter"]);
        assert!(a.text.ends_with("trained first. (4)"), "{}", a.text);
    }
}

/// The notice above a comment form, in any language, sends readers to the site's rules.
mod comment_rules {
    use super::related_sections::page;
    use super::*;

    #[test]
    fn a_paragraph_linking_to_the_sites_comment_rules_goes() {
        let notice = "<p>ترحب الشبكة بالنقاش الحيوي والمفيد. ننصحك بمراجعة \
                      <a href=\"/community_guidelines.html\">إرشادات الاستخدام</a> للتعرف إليها جيداً.</p>";
        let a = extract_ok(&page(notice), "https://news.example.com/ferry");
        assert!(!a.text.contains("ترحب"), "{}", a.text);
        assert_eq!(a.text.matches("repairs to the pier").count(), 6);
    }

    /// What a comment widget leaves when its script is gone: its vendor's "powered by" link,
    /// and a "Loading ..." line where more was to come.
    #[test]
    fn a_comment_widgets_remnants_go() {
        let remnants = "<a href=\"http://disqus.com\" class=\"dsq-brlink\">blog comments powered \
                        by <span class=\"logo-disqus\">Disqus</span></a>\
                        <div class=\"poll-state\"><img src=\"/spin.gif\" alt=\"\">&nbsp;Loading ...</div>\
                        <div><span>Lade weitere Inhalte ...</span></div>";
        let a = extract_ok(&page(remnants), "https://news.example.com/ferry");
        assert_absent(&a, &["powered by", "Disqus", "Loading", "Lade weitere"]);
        assert_eq!(a.text.matches("repairs to the pier").count(), 6);
    }

    /// A story about a platform's rules links to the platform, and stays.
    #[test]
    fn a_paragraph_linking_to_another_sites_rules_stays() {
        let story = "<p>The operator pointed to <a href=\"https://video.example.org/policies/\
                     community-guidelines/\">the platform's community guidelines</a>, which ban \
                     such clips.</p>";
        let a = extract_ok(&page(story), "https://news.example.com/ferry");
        assert!(a.text.contains("which ban such clips"), "{}", a.text);
    }
}

/// News sites append the next story under the first as the reader scrolls, and the page is
/// read as it stands: the story the title heads is the article, however long the next.
mod appended_stories {
    use super::*;

    const NEXT_PARA: &str = "The library will open on Sundays from March, the council said, \
                             after readers asked for longer hours, and a café is planned.";

    /// A page of two stories, each in a box (`open` to `close`) under an `<h1
    /// class="headline">`, the first with `first` paragraphs, the next with `next`; in a
    /// `<main>`, or the `<body>`'s own.
    fn page(open: &str, close: &str, first: usize, next: usize, main: bool) -> String {
        let (main_open, main_close) = if main {
            ("<main>", "</main>")
        } else {
            ("", "")
        };
        let paragraphs = |text: &str, n: usize| -> String {
            (0..n).map(|i| format!("<p>{text} ({i})</p>")).collect()
        };
        format!(
            "<html><head><title>Ferry timetable changes - Harbour News</title></head><body>\
             <nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>{main_open}\
             {open}<h1 class=\"headline\">Ferry timetable changes</h1>\
             <div class=\"byline\">By Jane Roe</div><div class=\"body\">{}</div>{close}\
             <div class=\"up-next\">Next story</div>\
             {open}<h1 class=\"headline\">Library opens on Sundays</h1>\
             <div class=\"byline\">By John Doe</div><div class=\"body\">{}</div>{close}\
             {main_close}</body></html>",
            paragraphs(FERRY_PARA, first),
            paragraphs(NEXT_PARA, next),
        )
    }

    #[test]
    fn the_titled_story_is_read_not_the_one_appended_after_it() {
        let boxes = [
            ("<article class=\"story\">", "</article>"),
            ("<article>", "</article>"),
            ("<div class=\"story-wrapper\">", "</div>"),
        ];
        for (open, close) in boxes {
            // The next story longer than the first, or shorter; in a wrapper of its own.
            for (first, next, main) in [(5, 12, true), (8, 4, true), (5, 12, false)] {
                let html = page(open, close, first, next, main);
                let wrapped = html.replacen(
                    &format!("{open}<h1 class=\"headline\">Library"),
                    &format!("<div class=\"next-article\">{open}<h1 class=\"headline\">Library"),
                    1,
                );
                let wrapped = wrapped.replace(
                    &format!("{close}{}</body>", if main { "</main>" } else { "" }),
                    &format!("{close}</div>{}</body>", if main { "</main>" } else { "" }),
                );
                assert_ne!(wrapped, html);
                // Themes link each post's headline to the post.
                let linked = html
                    .replace(
                        "\">Ferry timetable changes</h1>",
                        "\"><a href=\"/ferry\">Ferry timetable changes</a></h1>",
                    )
                    .replace(
                        "\">Library opens on Sundays</h1>",
                        "\"><a href=\"/library\">Library opens on Sundays</a></h1>",
                    );
                assert_ne!(linked, html);
                for html in [html, wrapped, linked] {
                    let a = extract_ok(&html, "https://news.example.com/ferry");
                    assert_eq!(a.title.as_deref(), Some("Ferry timetable changes"));
                    assert_eq!(a.byline.as_deref(), Some("Jane Roe"), "{open}");
                    assert_eq!(
                        a.text.matches("harbour master").count(),
                        first,
                        "{}",
                        a.text
                    );
                    assert_absent(&a, &["library", "Library", "John Doe", "Next story"]);
                }
            }
        }
    }

    /// Scrolled into the next story, the page keeps its `<title>` (and its address) to the
    /// story in view and its metas to the first: the view shows the story the reader is in,
    /// with its own byline and date, not the first story's from the metas.
    #[test]
    fn the_story_scrolled_to_is_read_with_its_own_byline_and_date() {
        let story = |heading: &str, by: &str, day: &str, text: &str, n: usize| {
            let paragraphs: String = (0..n).map(|i| format!("<p>{text} ({i})</p>")).collect();
            format!(
                "<article class=\"story\"><h1 class=\"headline\">{heading}</h1>\
                 <div class=\"byline\">By {by}</div><time datetime=\"{day}\">{day}</time>\
                 <div class=\"body\">{paragraphs}</div></article>"
            )
        };
        // A meta title of a few words (which resolving passes over for the `<title>`) or
        // a longer one; the stories in a `<main>` or the `<body>`'s own.
        for (first_title, open, close) in [
            ("Ferry timetable changes", "<main>", "</main>"),
            ("Ferry timetable changes in spring", "<main>", "</main>"),
            ("Ferry timetable changes in spring", "", ""),
        ] {
            let html = format!(
                "<html><head><title>Library opens on Sundays - Harbour News</title>\
                 <meta property=\"og:title\" content=\"{first_title}\">\
                 <meta name=\"author\" content=\"Jane Roe\">\
                 <meta property=\"article:published_time\" content=\"2024-03-04T10:00:00Z\">\
                 <meta property=\"og:description\" content=\"The ferry runs every hour.\">\
                 <link rel=\"canonical\" href=\"https://news.example.com/2024/03/04/ferry\">\
                 </head><body>{open}{}<div class=\"up-next\">Next story</div>{}{close}\
                 </body></html>",
                story(first_title, "Jane Roe", "2024-03-04", FERRY_PARA, 6),
                story(
                    "Library opens on Sundays",
                    "John Doe",
                    "2024-03-06",
                    NEXT_PARA,
                    5
                ),
            );
            let a = extract_ok(&html, "https://news.example.com/2024/03/06/library");
            assert_eq!(a.title.as_deref(), Some("Library opens on Sundays"));
            assert_eq!(a.byline.as_deref(), Some("John Doe"));
            assert_published(&a, "2024-03-06");
            assert_eq!(
                a.url.as_deref(),
                Some("https://news.example.com/2024/03/06/library")
            );
            assert!(a.excerpt.as_deref().is_some_and(|e| e.contains("library")));
            assert_eq!(a.text.matches("café is planned").count(), 5, "{}", a.text);
            assert_absent(&a, &["harbour master", "Jane Roe", "Next story"]);
        }
    }

    /// Stories that are the `<body>`'s own children, the reader scrolled to the last: the
    /// body scores best, as the box around them all, and the title's story is still read.
    #[test]
    fn of_stories_at_the_pages_top_the_titled_is_read() {
        let story = |heading: &str, text: &str| {
            let paragraphs: String = (0..5).map(|i| format!("<p>{text} ({i})</p>")).collect();
            format!(
                "<article class=\"story\"><h1 class=\"headline\">{heading}</h1>\
                 <p class=\"byline\">By Jane Roe</p>{paragraphs}</article>"
            )
        };
        let earlier: String = (0..10)
            .map(|i| story(&format!("Ferry timetable changes, part {i}"), FERRY_PARA))
            .collect();
        let html = format!(
            "<html><head><title>Library opens on Sundays</title></head><body>{earlier}{}\
             </body></html>",
            story("Library opens on Sundays", NEXT_PARA)
        );
        let a = extract_ok(&html, "https://news.example.com/library");
        assert_eq!(a.text.matches("café is planned").count(), 5, "{}", a.text);
        assert_absent(&a, &["harbour master", "Ferry"]);
    }

    /// A story whose sections each set their heading as an `<h1>` (HTML's old outline, a
    /// notebook's cells), or in an `<article>` of their own (Drupal's paragraphs), is one
    /// story: it is read whole.
    #[test]
    fn a_story_in_sections_under_headings_of_their_own_is_read_whole() {
        let section = |open: &str, close: &str, heading: &str, text: &str| {
            let paragraphs: String = (0..4).map(|i| format!("<p>{text} ({i})</p>")).collect();
            format!("{open}{heading}{paragraphs}{close}")
        };
        let outline = format!(
            "<html><head><title>Ferry timetable changes</title></head><body><main>{}{}</main>\
             </body></html>",
            section(
                "<section>",
                "</section>",
                "<h1 class=\"title\">Ferry timetable changes</h1>",
                FERRY_PARA
            ),
            section(
                "<section>",
                "</section>",
                "<h1 class=\"section\">The library</h1>",
                NEXT_PARA
            ),
        );
        let paragraphs = format!(
            "<html><head><title>Ferry timetable changes</title></head><body><main>{}{}</main>\
             </body></html>",
            section(
                "<article class=\"paragraph\">",
                "</article>",
                "<h2 class=\"paragraph-title\">Ferry timetable changes</h2>",
                FERRY_PARA
            ),
            section(
                "<article class=\"paragraph\">",
                "</article>",
                "<h2 class=\"paragraph-title\">And the library</h2>",
                NEXT_PARA
            ),
        );
        let notebook = format!(
            "<html><head><title>Ferry timetable changes</title></head><body><main>{}{}</main>\
             </body></html>",
            section(
                "<div class=\"cell text-cell\">",
                "</div>",
                "<h1>Ferry timetable changes</h1>",
                FERRY_PARA
            ),
            section(
                "<div class=\"cell text-cell\">",
                "</div>",
                "<h1>The library</h1>",
                NEXT_PARA
            ),
        );
        for html in [outline, paragraphs, notebook] {
            let a = extract_ok(&html, "https://news.example.com/ferry");
            assert_eq!(a.text.matches("harbour master").count(), 4, "{}", a.text);
            assert_eq!(a.text.matches("café is planned").count(), 4, "{}", a.text);
        }
    }
}

/// A lead picture set with its caption in the story's header, above the body the article is
/// read from: the caption goes with the picture the view and exports show.
mod lead_caption {
    use super::*;

    /// The lead picture is at `image`, and its caption reads `caption`.
    fn assert_lead(a: &quietpage::Article, image: &str, caption: &str) {
        assert_eq!(a.lead_image.as_deref(), Some(image));
        assert_eq!(a.lead_caption.as_deref(), Some(caption));
    }

    fn page(figure: &str) -> quietpage::Article {
        let body: String = (0..5)
            .map(|i| format!("<p>{FERRY_PARA} ({i})</p>\n"))
            .collect();
        let html = format!(
            "<html><head><title>Ferry timetable</title>\
             <meta property=\"og:image\" content=\"https://news.example.com/social/card.jpg\">\
             </head><body><main><header class=\"article-header\"><h1>Ferry timetable</h1>\
             <p class=\"dateline\"><time datetime=\"2024-03-18\">18 March 2024</time></p>{figure}</header><div class=\"article-body\">{body}</div></main></body></html>"
        );
        extract_ok(&html, "https://news.example.com/ferry")
    }

    #[test]
    fn the_caption_of_the_picture_above_the_story_comes_with_it() {
        let a = page(
            "<figure class=\"lead\"><img src=\"/img/pier-320.jpg\" \
             srcset=\"/img/pier-320.jpg 320w, /img/pier-1200.jpg 1200w\" alt=\"\">\
             <figcaption><span class=\"caption\">The ferry at the pier on Tuesday morning.\
             </span><span class=\"credit\">Jane Doe/Harbour Press</span>\
             <button aria-label=\"Close\">Hide caption</button></figcaption></figure>",
        );
        // The picture the caption describes, at its largest, not the metadata's card.
        assert_lead(
            &a,
            "https://news.example.com/img/pier-1200.jpg",
            "The ferry at the pier on Tuesday morning. Jane Doe/Harbour Press",
        );
        // The article's text stays the body's.
        assert_absent(&a, &["ferry at the pier on Tuesday"]);
    }

    /// A header kept for its standfirst, then `picture` in a box the article leaves out
    /// (named a header), then the body: the picture sits between the article's pieces.
    fn between_pieces(picture: &str) -> quietpage::Article {
        let body: String = (0..5)
            .map(|i| format!("<p>{FERRY_PARA} ({i})</p>\n"))
            .collect();
        let html = format!(
            "<html><head><title>Ferry timetable</title></head><body><main><article>\
             <header class=\"article-header\"><h1>Ferry timetable</h1><p class=\"standfirst\">\
             Crews are to be trained before the hourly service starts, the harbour board said \
             on Tuesday.</p></header><div class=\"media-header\">{picture}</div>\
             <div class=\"article-body\">{body}</div></article></main></body></html>"
        );
        extract_ok(&html, "https://news.example.com/ferry")
    }

    #[test]
    fn a_picture_left_out_between_the_standfirst_and_the_body_brings_its_caption() {
        let a = between_pieces(
            "<figure><img src=\"/img/pier.jpg\" alt=\"\"><figcaption>The ferry at the pier on \
             Tuesday morning. (Photo: Jane Doe)</figcaption></figure>",
        );
        assert_lead(
            &a,
            "https://news.example.com/img/pier.jpg",
            "The ferry at the pier on Tuesday morning. (Photo: Jane Doe)",
        );
        assert_present(&a, &["Crews are to be trained"]);
    }

    /// No `<figure>`: a box of the picture's wrapper and an element named as its caption,
    /// with the credit apart.
    #[test]
    fn a_box_of_a_picture_and_its_named_caption_brings_the_caption() {
        let a = between_pieces(
            "<div class=\"lede\"><div class=\"lede__container\"><picture><img \
             src=\"/img/pier.jpg\" alt=\"\"></picture></div><div class=\"lede__info\">\
             <div class=\"lede__caption\"><p>The ferry at the pier on Tuesday morning.</p>\
             </div><span class=\"lede__credit\">Jane Doe/Harbour Press</span></div></div>",
        );
        assert_lead(
            &a,
            "https://news.example.com/img/pier.jpg",
            "The ferry at the pier on Tuesday morning. Jane Doe/Harbour Press",
        );
    }

    /// A `<figure>` whose caption is an element named so, with no `<figcaption>`; a copy of
    /// the caption hidden for a lightbox does not speak for it.
    #[test]
    fn a_figure_whose_caption_is_named_so_brings_it() {
        let a = between_pieces(
            "<figure class=\"lede-asset\"><picture><img src=\"/img/pier.jpg\" alt=\"\">\
             </picture><div class=\"lightbox__caption\" hidden>Lightbox copy</div>\
             <div class=\"caption-wrapper\"><span class=\"caption__text\">The ferry at the \
             pier on Tuesday morning.</span> <span class=\"caption__credit\">Photograph by \
             Jane Doe</span></div></figure>",
        );
        assert_lead(
            &a,
            "https://news.example.com/img/pier.jpg",
            "The ferry at the pier on Tuesday morning. Photograph by Jane Doe",
        );
    }

    #[test]
    fn a_credit_a_teaser_or_a_portrait_is_no_lead_caption() {
        for figure in [
            // Only who took it.
            "<figure><img src=\"/img/pier.jpg\"><figcaption>Foto: Jane Doe</figcaption></figure>",
            // Another story's teaser: its caption is a link.
            "<figure><img src=\"/img/choir.jpg\"><figcaption><a href=\"/choir\">Choir sings on \
             the pier for the crews</a></figcaption></figure>",
            // The author's portrait.
            "<figure><img src=\"/img/jane.jpg\" width=\"64\"><figcaption>Jane Doe is our \
             transport correspondent</figcaption></figure>",
            // A logo over a promotion.
            "<div class=\"promo\"><img src=\"/img/logo.png\"><p class=\"caption\"><a \
             href=\"/edition\">Get the E-Edition today</a></p></div>",
            // A caption's box that holds only who took the picture.
            "<figure><img src=\"/img/pier.jpg\"><div class=\"caption\"><span \
             class=\"caption__credit\">Jane Doe Harbour</span></div></figure>",
        ] {
            let a = page(figure);
            assert_eq!(a.lead_caption, None, "{figure}");
            assert_eq!(
                a.lead_image.as_deref(),
                Some("https://news.example.com/social/card.jpg"),
                "{figure}"
            );
        }
        // One of a slider's slides.
        let a = between_pieces(
            "<ul class=\"slides\"><li><img src=\"/img/choir.jpg\"><p class=\"caption\">The \
             choir on the pier in 2012</p></li><li><img src=\"/img/pier.jpg\"><p \
             class=\"caption\">The ferry at the pier on Tuesday</p></li></ul>",
        );
        assert_eq!(a.lead_caption, None);
    }
}
