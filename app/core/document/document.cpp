#include "document/document.h"
#include "base/utf8.h"

namespace ck {

static bool IsIdChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

static bool IsId(const std::string& text)
{
    if (text.empty() || text.size() > 128)
        return false;
    for (char c : text)
        if (!IsIdChar(c))
            return false;
    return true;
}

// RFC 3986 scheme: a letter, then letters, digits, '+', '-', '.', then ':'.
static bool HasScheme(const std::string& href)
{
    if (href.empty() || !((href[0] >= 'a' && href[0] <= 'z') || (href[0] >= 'A' && href[0] <= 'Z')))
        return false;
    for (size_t i = 1; i < href.size(); i++) {
        const char c = href[i];
        if (c == ':')
            return true;
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alnum && c != '+' && c != '-' && c != '.')
            return false;
    }
    return false;
}

static bool EndsWith(const std::string& text, const char* suffix)
{
    const std::string s(suffix);
    return text.size() > s.size() && text.compare(text.size() - s.size(), s.size(), s) == 0;
}

LinkKind ClassifyLink(const std::string& href, std::string* target)
{
    std::string unused;
    std::string& out = target ? *target : unused;
    out.clear();
    if (href.rfind("//", 0) == 0 || HasScheme(href))
        return LinkKind::External;
    // A bare web address (www.example.org) or e-mail address: still somewhere
    // the kiosk cannot go.
    if (href.rfind("www.", 0) == 0)
        return LinkKind::External;
    // (e-mail)
    if (href.find('@') != std::string::npos && href.find('/') == std::string::npos)
        return LinkKind::External;

    // Pages are flat ids: anything with a path (absolute, "..", folders) or
    // an anchor with no page in front of it cannot be followed.
    const size_t hash = href.find('#');
    std::string path = href.substr(0, hash);
    const std::string fragment = hash == std::string::npos ? std::string() : href.substr(hash + 1);
    if (EndsWith(path, ".md"))
        path.resize(path.size() - 3);
    else if (EndsWith(path, ".json"))
        path.resize(path.size() - 5);
    if (!IsId(path))
        return LinkKind::Invalid;

    if (path == "faq") {
        if (!fragment.empty() && !IsId(fragment))
            return LinkKind::Invalid;
        out = fragment;
        return LinkKind::Faq;
    }
    out = path;
    return LinkKind::Page;
}

bool IsVideoFileName(const std::string& src)
{
    const size_t dot = src.rfind('.');
    if (dot == std::string::npos || src.find_first_of("?#", dot) != std::string::npos)
        return false;
    std::string ext = src.substr(dot + 1);
    for (char& c : ext)
        c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return ext == "mp4" || ext == "webm" || ext == "mkv";
}

static void AppendPlainText(const Block& block, std::string& out)
{
    if (block.kind == BlockKind::Image || block.kind == BlockKind::Video) {
        if (!block.alt.empty())
            out += block.alt + '\n';
        return;
    }
    if (!block.spans.empty()) {
        // Code block spans are lines; elsewhere spans run on within a line.
        const char* joiner = block.kind == BlockKind::CodeBlock ? "\n" : "";
        for (size_t i = 0; i < block.spans.size(); i++)
            out += (i > 0 ? joiner : "") + block.spans[i].text;
        out += '\n';
    }
    for (const Block& child : block.children)
        AppendPlainText(child, out);
}

std::string DocumentPlainText(const Document& doc)
{
    std::string out;
    for (const Block& block : doc.blocks)
        AppendPlainText(block, out);
    return out;
}

std::string TakeHomeAddress(const std::string& href)
{
    if (href.empty() || href.find_first_of(" \t\n<>\"") != std::string::npos)
        return std::string();
    const std::string lower = ToLowerAscii(href);
    if (lower.rfind("https://", 0) == 0 || lower.rfind("http://", 0) == 0 || lower.rfind("mailto:", 0) == 0)
        return href;
    if (lower.rfind("www.", 0) == 0)
        return "http://" + href;
    const size_t at = href.find('@');
    if (at != std::string::npos && at > 0 && !HasScheme(href) && href.find('/') == std::string::npos
        && href.find('.', at) != std::string::npos)
        return "mailto:" + href;
    return std::string();
}

std::string AddressSite(const std::string& address)
{
    const std::string lower = ToLowerAscii(address);
    size_t start = 0;
    if (lower.rfind("https://", 0) == 0)
        start = 8;
    else if (lower.rfind("http://", 0) == 0)
        start = 7;
    else
        return std::string();
    std::string host = lower.substr(start, lower.find_first_of("/?#", start) - start);
    if (const size_t at = host.rfind('@'); at != std::string::npos)
        host = host.substr(at + 1);   // user@host: the host is what the phone opens
    if (const size_t colon = host.find(':'); colon != std::string::npos)
        host = host.substr(0, colon);
    while (!host.empty() && host.back() == '.')
        host.pop_back();
    if (host.rfind("www.", 0) == 0)
        host = host.substr(4);
    return host;
}

static const Block* FindImageIn(const std::vector<Block>& blocks, const std::string& image_key)
{
    for (const Block& block : blocks) {
        if (block.kind == BlockKind::Image && block.image_key == image_key)
            return &block;
        if (const Block* inner = FindImageIn(block.children, image_key))
            return inner;
    }
    return nullptr;
}

std::string ImageAlt(const Document& doc, const std::string& image_key)
{
    const Block* image = image_key.empty() ? nullptr : FindImageIn(doc.blocks, image_key);
    return image ? image->alt : std::string();
}

} // namespace ck
