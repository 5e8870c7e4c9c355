// "Take it home" QR codes: the rules a page's web address must follow to be
// shown as a QR code, the kiosk.json "page_url" pattern, and the encoder
// (libqrencode). Codes are made once when content loads, never while drawing.
// Only the address staff wrote goes into a code: nothing about the patient or
// the session is ever added to it.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace ck {

// Longest address accepted, in bytes. At error correction level M this is a
// version 13 code at most (69 modules a side), still readable by a phone at
// the ~4 cm the kiosk draws it.
constexpr size_t kMaxQrUrlBytes = 300;

// A QR symbol as modules; the caller adds the 4-module quiet zone.
struct QrCode {
    int width = 0;                      // modules per side; 0 = no code
    std::vector<unsigned char> dark;    // width * width, row by row; 1 = dark module

    bool Empty() const { return width == 0; }
    bool Dark(int x, int y) const { return dark[static_cast<size_t>(y) * width + x] != 0; }
};

// `text` as a QR code: error correction level M, 8-bit mode, the smallest
// version that holds it. Empty for "" or when libqrencode fails.
QrCode EncodeQr(const std::string& text);

// Why `url` cannot be shown as a take-home QR code, in words for staff, or ""
// when it can: it must start with http:// or https://, name a host, use only
// printable ASCII without spaces, and be at most kMaxQrUrlBytes long.
std::string QrUrlProblem(std::string_view url);

// True for the front-matter values that turn a page's code off: "none" (any
// case) and "" (an empty `link:` line).
bool IsLinkOff(std::string_view value);

// kiosk.json "page_url" with "{lang}" and "{page}" replaced by the language
// tag and the page id (percent-encoded where a URL needs it).
std::string FillPageUrl(std::string_view pattern, const std::string& lang, const std::string& page_id);

// Why `pattern` cannot be used as "page_url", or "": an address as above once
// filled in, with no placeholders other than {lang} and {page}.
std::string PageUrlPatternProblem(std::string_view pattern);

} // namespace ck
