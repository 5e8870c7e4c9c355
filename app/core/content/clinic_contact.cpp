// The clinic's contact values and their checks. See clinic_contact.h.
#include "content/clinic_contact.h"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace ck {

bool ClinicContact::Empty() const
{
    return phone.empty() && out_of_hours.empty() && emergency.empty() && address.empty() && website.empty()
           && email.empty() && hours.empty();
}

std::string ClinicContact::Hours(const std::string& lang) const
{
    auto it = hours.find(lang);
    if (it == hours.end())
        it = hours.find("");
    return it == hours.end() ? std::string() : it->second;
}

const std::vector<std::string>& ClinicValueNames()
{
    static const std::vector<std::string> names = {"name",  "phone",   "hours",   "out_of_hours",
                                                   "emergency", "address", "website", "email"};
    return names;
}

std::map<std::string, std::string> ClinicValues(const std::string& clinic_name, const ClinicContact& contact,
                                                const std::string& lang)
{
    return {{"name", clinic_name},           {"phone", contact.phone},
            {"hours", contact.Hours(lang)},  {"out_of_hours", contact.out_of_hours},
            {"emergency", contact.emergency}, {"address", contact.address},
            {"website", contact.website},     {"email", contact.email}};
}

namespace {

constexpr const char* kOpen = "{{";
constexpr const char* kPrefix = "clinic.";

std::string Trim(const std::string& text)
{
    size_t begin = 0, end = text.size();
    while (begin < end && std::isspace(static_cast<unsigned char>(text[begin])))
        begin++;
    while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1])))
        end--;
    return text.substr(begin, end - begin);
}

std::string Lower(std::string text)
{
    for (char& c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

// Line and column of `offset` in `text`, counted from (line, column).
void Advance(const std::string& text, size_t offset, int* line, int* column)
{
    for (size_t i = 0; i < offset && i < text.size(); i++) {
        if (text[i] == '\n') {
            (*line)++;
            *column = *column > 0 ? 1 : 0;
        } else if (*column > 0 && (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            (*column)++;
        }
    }
}

std::string NameList()
{
    std::string list;
    for (const std::string& name : ClinicValueNames())
        list += (list.empty() ? "" : ", ") + std::string("{{clinic.") + name + "}}";
    return list;
}

} // namespace

std::string ExpandClinicValues(const std::string& text, const std::map<std::string, std::string>& values,
                               const std::string& file, int line, int column, Diagnostics* diagnostics,
                               std::vector<std::string>* used)
{
    if (text.find(kOpen) == std::string::npos)
        return text;
    std::string out;
    out.reserve(text.size());
    size_t pos = 0;
    int at_line = line, at_column = column;
    size_t counted = 0;   // text before this offset is counted into at_line/at_column
    while (true) {
        const size_t open = text.find(kOpen, pos);
        if (open == std::string::npos)
            break;
        const size_t close = text.find("}}", open + 2);
        const size_t newline = text.find('\n', open);
        if (close == std::string::npos || (newline != std::string::npos && newline < close))
            break;   // not a value: "{{" with no "}}" on its line is left as text
        const std::string inside = Trim(text.substr(open + 2, close - open - 2));
        out.append(text, pos, open - pos);
        pos = close + 2;
        if (inside.rfind(kPrefix, 0) != 0) {
            out.append(text, open, pos - open);   // {{something}} of another kind: text
            continue;
        }
        Advance(text.substr(counted, open - counted), open - counted, &at_line, &at_column);
        counted = open;
        const std::string name = inside.substr(std::char_traits<char>::length(kPrefix));
        auto it = values.find(name);
        if (it == values.end()) {
            diagnostics->Error(file, at_line, at_column,
                               "{{" + inside + "}} is not a value the kiosk knows; use one of " + NameList());
            out.append(text, open, pos - open);
        } else if (it->second.empty()) {
            diagnostics->Error(file, at_line, at_column,
                               "{{" + inside + "}} has no value: add \"" + name + "\" to the \"contact\" block of "
                               "kiosk.json (see CONTENT.md)");
            out.append(text, open, pos - open);
        } else {
            out += it->second;
            if (used && std::find(used->begin(), used->end(), name) == used->end())
                used->push_back(name);
        }
    }
    out.append(text, pos, std::string::npos);
    return out;
}

std::string TelUri(const std::string& phone)
{
    std::string uri = "tel:";
    for (char c : phone)
        if (std::isdigit(static_cast<unsigned char>(c)) || (c == '+' && uri.size() == 4))
            uri += c;
    return uri;
}

std::string PhoneNumberProblem(const std::string& text)
{
    int digits = 0;
    for (char c : text) {
        if (std::isdigit(static_cast<unsigned char>(c)))
            digits++;
        else if (!std::strchr(" +-().", c))
            return "a phone number may hold only digits, spaces and + - ( ) .";
    }
    if (digits < 2)
        return "a phone number needs at least two digits";
    if (digits > 15)
        return "a phone number has at most 15 digits";
    return {};
}

std::string WebsiteProblem(const std::string& text)
{
    const std::string lower = Lower(text);
    size_t host = 0;
    if (lower.rfind("https://", 0) == 0)
        host = 8;
    else if (lower.rfind("http://", 0) == 0)
        host = 7;
    else
        return "a web address starts with https:// (or http://)";
    if (host >= lower.size() || lower[host] == '/' || lower.find(' ') != std::string::npos)
        return "a web address needs a host name and no spaces, such as https://www.example-clinic.co.uk";
    return {};
}

bool IsPlaceholderAddress(const std::string& url)
{
    std::string host = Lower(url);
    const size_t scheme = host.find("://");
    if (scheme != std::string::npos)
        host = host.substr(scheme + 3);
    host = host.substr(0, host.find_first_of("/?#"));
    const size_t at = host.rfind('@');
    if (at != std::string::npos)
        host = host.substr(at + 1);
    host = host.substr(0, host.find(':'));
    auto ends_with = [&](const std::string& suffix) {
        return host == suffix || (host.size() > suffix.size() && host.compare(host.size() - suffix.size(),
                                                                              suffix.size(), suffix) == 0
                                  && host[host.size() - suffix.size() - 1] == '.');
    };
    for (const char* placeholder : {"example.org", "example.com", "example.net", "example", "invalid", "test",
                                    "localhost"})
        if (ends_with(placeholder))
            return true;
    return host == "127.0.0.1" || host == "0.0.0.0" || host == "[::1]";
}

size_t FindContactRequest(const std::string& text, const std::string& lang)
{
    // Phrases of an instruction to get in touch, lower case. A page that says
    // any of these needs a number to go with it.
    static const std::map<std::string, std::vector<std::string>> kPhrases = {
        {"en", {"call us", "phone us", "ring us", "contact us", "call the clinic", "contact the clinic",
                "phone the clinic", "call your clinic", "contact your clinic"}},
        {"es", {"llámenos", "llamenos", "llame a la clínica", "contacte con nosotros", "contáctenos",
                "póngase en contacto con nosotros", "póngase en contacto con la clínica", "llame a su clínica"}},
    };
    auto it = kPhrases.find(lang.substr(0, lang.find('-')));
    if (it == kPhrases.end())
        return std::string::npos;
    const std::string lower = Lower(text);   // ASCII only: the accented phrases are listed as written
    size_t first = std::string::npos;
    for (const std::string& phrase : it->second)
        first = std::min(first, lower.find(phrase));
    return first;
}

} // namespace ck
