// How patients reach the clinic: kiosk.json's "contact" block, the
// {{clinic.NAME}} values pages and answers may insert, and the checks that
// keep a page from telling a patient to call without giving a number.
//
// Values are inserted into a file's text before it is parsed, so they work
// in front matter, Markdown, link targets and FAQ answers alike; an unknown
// name, or a name kiosk.json gives no value for, is an error at its line and
// column and is left as written.
#pragma once
#include "base/diagnostics.h"
#include "qr/qr.h"
#include <map>
#include <string>
#include <vector>

namespace ck {

struct ClinicContact {
    std::string phone;          // the clinic's number, as patients dial it
    std::string out_of_hours;   // a number for evenings and weekends
    std::string emergency;      // the local emergency number, e.g. "999", "112", "911"
    std::string address;
    std::string website;        // http:// or https://
    std::string email;
    // Opening hours per language ("" = every language), e.g. "Mon-Fri 9:00-17:30".
    std::map<std::string, std::string> hours;
    QrCode phone_qr;            // "tel:" + the phone's digits, made at load for the "Save our number" code

    bool Empty() const;
    std::string Hours(const std::string& lang) const;
};

// The names {{clinic.NAME}} may use, in the order staff read them.
const std::vector<std::string>& ClinicValueNames();

// NAME -> value for `lang` ("" when kiosk.json gives none), for every name of
// ClinicValueNames(); "name" is the clinic's name.
std::map<std::string, std::string> ClinicValues(const std::string& clinic_name, const ClinicContact& contact,
                                                const std::string& lang);

// Replaces each {{clinic.NAME}} of `text`. `line` and `column` are where
// `text` starts in `file` (a whole file: 1, 1; a JSON string: its entry's
// line, column 0 = unknown). Problems are errors; `*used` (may be null)
// collects the names used.
std::string ExpandClinicValues(const std::string& text, const std::map<std::string, std::string>& values,
                               const std::string& file, int line, int column, Diagnostics* diagnostics,
                               std::vector<std::string>* used = nullptr);

// "tel:+442079460321" from "+44 20 7946 0321": what a phone dials.
std::string TelUri(const std::string& phone);

// "" when `text` is a phone number a patient can dial (digits with spaces,
// "+", "-", "(", ")" or "."; 2 digits at least), else why not.
std::string PhoneNumberProblem(const std::string& text);
// "" for an http:// or https:// address with a host, else why not.
std::string WebsiteProblem(const std::string& text);
// An address no clinic should ship: example.org/.com/.net, *.example,
// *.invalid, *.test, localhost, 127.0.0.1.
bool IsPlaceholderAddress(const std::string& url);

// Where `text` (in `lang`) first tells the patient to call or contact the
// clinic ("call us", "contact the clinic", "llámenos"): a byte offset, or
// npos. Languages without a list never match.
size_t FindContactRequest(const std::string& text, const std::string& lang);

} // namespace ck
