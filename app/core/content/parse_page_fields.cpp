// The fields a page may have (title, order, icon, link ...), applied the
// same way whether they come from Markdown front matter or a JSON page, so
// both formats accept and report exactly the same things.
#include "content/content_parse_internal.h"
#include "content/icon_names.h"
#include "qr/qr.h"
#include <algorithm>
#include <charconv>

namespace ck {

namespace parse_detail {

const std::vector<std::string>& PageKeys()
{
    static const std::vector<std::string> keys = {"title", "summary", "order", "icon", "reviewed", "owner", "link"};
    return keys;
}

static bool ParseWholeNumber(const std::string& text, long long* out)
{
    const char* end = text.data() + text.size();
    auto result = std::from_chars(text.data(), end, *out);
    return result.ec == std::errc() && result.ptr == end && !text.empty();
}

// `link:` given at all, the page decides: "none", empty or a bad address means no QR code.
static void ApplyLinkField(Page* page, const FieldValue& value, const FieldPlace& at)
{
    page->link_given = true;
    page->link.clear();
    if (!value.is_text) {
        at.Error("\"link\" must be a web address such as https://example.org/aftercare, or none; "
                 "the page shows no QR code");
        return;
    }
    if (IsLinkOff(value.text))
        return;
    const std::string problem = QrUrlProblem(value.text);
    if (problem.empty())
        page->link = value.text;
    else
        at.Error("\"link\": " + problem + "; the page shows no QR code");
}

bool ApplyPageField(Page* page, const std::string& key, const FieldValue& value, const FieldPlace& at)
{
    if (key == "link") {
        ApplyLinkField(page, value, at);
        return true;
    }
    if (key == "order") {
        long long number = value.integer;
        if (!(value.is_integer || (value.is_text && ParseWholeNumber(value.text, &number)))) {
            at.Error("\"order\" must be a whole number, such as 3; the page goes last");
            return true;
        }
        if (number < -100000 || number > 100000) {
            at.Error("\"order\" must be between -100000 and 100000; the page goes last");
            return true;
        }
        page->order = static_cast<int>(number);
        return true;
    }
    const bool known = std::find(PageKeys().begin(), PageKeys().end(), key) != PageKeys().end();
    if (!known)
        return false;
    if (!value.is_text) {
        at.Error(Quote(key) + " must be text");
        return true;
    }
    if (key == "title") {
        page->title = value.text;
    } else if (key == "summary") {
        page->summary = value.text;
    } else if (key == "owner") {
        page->owner = value.text;
    } else if (key == "icon") {
        if (value.text.empty() || IconCodepoint(value.text) != 0) {
            page->icon = value.text;
        } else if (IconNames().empty()) {
            at.Warning("the icon " + Quote(value.text) + " cannot be checked: the icon font's names are not "
                       "installed (Debian package fonts-material-design-icons-iconfont); the default icon is shown");
        } else {
            std::vector<std::string> nearest;
            for (const std::string& name : NearestIconNames(value.text, 3))
                nearest.push_back(Quote(name));
            at.Warning("there is no icon " + Quote(value.text) + "; the nearest names are " + JoinList(nearest)
                       + ". The default icon is shown until then (the names are listed in CONTENT.md)");
        }
    } else if (key == "reviewed") {
        if (IsIsoDate(value.text))
            page->reviewed = value.text;
        else
            at.Error("\"reviewed\" must be a real date written YYYY-MM-DD, such as 2026-10-15; "
                       + Quote(value.text) + " is ignored");
    }
    return true;
}

} // namespace parse_detail

} // namespace ck
