// Take-home QR codes: address rules, the "page_url" pattern, and encoding
// with libqrencode. See qr.h.
#include "qr/qr.h"
#include <qrencode.h>
#include <cctype>
#include <cstdio>

namespace ck {

QrCode EncodeQr(const std::string& text)
{
    QrCode code;
    if (text.empty())
        return code;
    // encodeData is 8-bit mode throughout: what a phone reads back is exactly these bytes.
    QRcode* symbol = QRcode_encodeData(static_cast<int>(text.size()),
                                       reinterpret_cast<const unsigned char*>(text.data()), 0, QR_ECLEVEL_M);
    if (!symbol)
        return code;
    code.width = symbol->width;
    code.dark.resize(static_cast<size_t>(symbol->width) * symbol->width);
    for (size_t i = 0; i < code.dark.size(); i++)
        code.dark[i] = symbol->data[i] & 1;   // bit 0 is the module's colour; the rest is libqrencode's bookkeeping
    QRcode_free(symbol);
    return code;
}

static bool StartsWithNoCase(std::string_view text, std::string_view prefix)
{
    if (text.size() < prefix.size())
        return false;
    for (size_t i = 0; i < prefix.size(); i++)
        if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i])
            return false;
    return true;
}

std::string QrUrlProblem(std::string_view url)
{
    size_t scheme = 0;
    if (StartsWithNoCase(url, "https://"))
        scheme = 8;
    else if (StartsWithNoCase(url, "http://"))
        scheme = 7;
    else
        return "the address must start with https:// or http://";
    if (url.size() > kMaxQrUrlBytes)
        return "the address is " + std::to_string(url.size()) + " characters long; at most "
               + std::to_string(kMaxQrUrlBytes) + " fit in a QR code phones can read";
    for (unsigned char c : url) {
        if (c == ' ')
            return "the address has a space in it; write it as %20, or leave it out";
        if (c < 0x20 || c == 0x7F)
            return "the address has a control character (such as a tab) in it";
        if (c >= 0x80)
            return "the address has a letter outside A-Z in it; copy the address from the browser's address bar, "
                   "which writes such letters as %-codes";
        if (std::string_view("\"<>\\^`{|}").find(static_cast<char>(c)) != std::string_view::npos)
            return std::string("the address has the character ") + static_cast<char>(c)
                   + " in it, which a web address cannot hold";
    }
    const size_t host_end = url.find_first_of("/?#", scheme);
    const std::string_view host = url.substr(scheme, host_end == std::string_view::npos ? url.npos : host_end - scheme);
    if (host.empty())
        return "the address has no web site name after " + std::string(url.substr(0, scheme));
    if (host.find('@') != std::string_view::npos)
        return "the address must not hold a user name or password (the part before @)";
    return std::string();
}

bool IsLinkOff(std::string_view value)
{
    return value.empty() || (value.size() == 4 && StartsWithNoCase(value, "none"));
}

// Unreserved characters (RFC 3986) stay; every other byte becomes %XX.
static std::string PercentEncode(const std::string& text)
{
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
            out += static_cast<char>(c);
        } else {
            char hex[4];
            std::snprintf(hex, sizeof hex, "%%%02X", c);
            out += hex;
        }
    }
    return out;
}

static void ReplaceAll(std::string* text, std::string_view from, const std::string& to)
{
    for (size_t at = text->find(from); at != std::string::npos; at = text->find(from, at + to.size()))
        text->replace(at, from.size(), to);
}

std::string FillPageUrl(std::string_view pattern, const std::string& lang, const std::string& page_id)
{
    std::string url(pattern);
    ReplaceAll(&url, "{lang}", PercentEncode(lang));
    ReplaceAll(&url, "{page}", PercentEncode(page_id));
    return url;
}

std::string PageUrlPatternProblem(std::string_view pattern)
{
    std::string rest(pattern);
    ReplaceAll(&rest, "{lang}", "en");
    ReplaceAll(&rest, "{page}", "page");
    if (rest.find_first_of("{}") != std::string::npos)
        return "only {lang} and {page} are filled in; write the rest of the address as it is";
    return QrUrlProblem(rest);
}

} // namespace ck
