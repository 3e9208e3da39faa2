"""Images and videos in article bodies, end to end: sizes from the files, errors with lines."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from tests.conftest import article, parse
from tests.helpers import snapshot

VIDEO = '::: video https://vimeo.com/76979871 "A placeholder talk"\nWhat the talk covers.\n:::'


def add_png(root: Path, relative: str, size: tuple[int, int]) -> None:
    path = root / "static" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, "white").save(path)


def media_site(site) -> Path:
    root = site(
        {
            "a.md": article(
                "With Media",
                "Intro.\n\n![A bar chart of doses](images/chart.png)\n\n"
                '![""](/images/rule.png)\n\n![Remote](https://example.org/r.png)\n\n' + VIDEO,
            ),
            "b.md": article("Plain", "No media here."),
        }
    )
    add_png(root, "images/chart.png", (800, 450))
    add_png(root, "images/rule.png", (600, 2))
    return root


def test_images_get_size_lazy_loading_and_base_path(site, run_cli) -> None:
    root = media_site(site)
    code, _, err = run_cli("build", "--site", root, "--base-url", "https://example.org/blog/")
    assert code == 0, err
    chart, rule, remote = parse(root / "public" / "a" / "index.html").css(".body img")
    assert (chart.attributes["src"], chart.attributes["alt"]) == (
        "/blog/images/chart.png",
        "A bar chart of doses",
    )
    assert (chart.attributes["width"], chart.attributes["height"]) == ("800", "450")
    assert (rule.attributes["alt"], rule.attributes["width"]) == ("", "600")
    assert "width" not in remote.attributes
    for image in (chart, rule, remote):
        assert (image.attributes["loading"], image.attributes["decoding"]) == ("lazy", "async")
    assert (root / "public" / "images" / "chart.png").is_file()


def test_video_page_loads_the_player_script_and_nothing_from_the_host(site, run_cli) -> None:
    root = media_site(site)
    assert run_cli("build", "--site", root)[0] == 0
    page = parse(root / "public" / "a" / "index.html")
    link = page.css_first("figure.video a.video-start")
    assert link.attributes["href"] == "https://vimeo.com/76979871"
    assert "dnt=1" in link.attributes["data-embed"]
    assert page.css("iframe") == []
    scripts = [s.attributes.get("src", "") for s in page.css("script[src]")]
    assert scripts == ["/assets/video.js", "/assets/menu.js"]
    plain = parse(root / "public" / "b" / "index.html")
    assert [s.attributes.get("src", "") for s in plain.css("script[src]")] == ["/assets/menu.js"]
    assert (root / "public" / "assets" / "video.js").is_file()


def failed_lines(site, run_cli, title: str, body: str) -> list[str]:
    """The error lines of a build of the media site after adding ``c.md`` (``title``,
    ``body``), which must fail without a traceback and leave the previous site as it was."""
    root = media_site(site)
    assert run_cli("build", "--site", root)[0] == 0
    before = snapshot(root / "public")
    (root / "content" / "c.md").write_text(article(title, body), encoding="utf-8")
    code, _, err = run_cli("build", "--site", root)
    assert code == 1 and "Traceback" not in err
    assert snapshot(root / "public") == before
    return err.splitlines()


def test_image_and_video_errors_name_file_and_line_and_keep_the_old_site(site, run_cli) -> None:
    lines = failed_lines(
        site,
        run_cli,
        "Broken Media",
        "![](images/chart.png)\n\n![Missing](images/gone.png)\n\n"
        '::: video https://example.org/v "Talk"\n:::',
    )
    assert lines[:3] == [
        "error: content/c.md:6: image 'images/chart.png' has no alt text — describe it, "
        '![what it shows](images/chart.png), or write ![""](images/chart.png) if it is only '
        "decoration",
        "error: content/c.md:8: image file not found: static/images/gone.png — put the file in "
        "the site's static/ folder, or fix the path",
        "error: content/c.md:10: video: 'https://example.org/v' is not a YouTube or Vimeo "
        'address — write ::: video https://www.youtube.com/watch?v=… "Title"',
    ]


def test_a_video_block_left_open_fails_the_build_at_its_line(site, run_cli) -> None:
    lines = failed_lines(
        site,
        run_cli,
        "Open Video",
        '::: video https://vimeo.com/76979871 "A placeholder talk"\nWhat it covers.\n\n'
        "## A later section\n\nText that is not a caption.\n",
    )
    assert lines[0] == (
        "error: content/c.md:6: video: the block is never closed, so the rest of the article "
        "would be its caption — end it with a line ':::' after its caption, or right after "
        "this line if it has none"
    )
