// carekiosk set-pin --content DIR [--clear]: asks for a new staff PIN twice
// (no echo on a terminal) and stores its hash as "staff_pin_hash" in the
// folder's kiosk.json. The file is edited in place where that is safe (only
// the one value changes, so staff comments-by-layout survive); the result is
// always re-parsed and compared with what nlohmann would write, and written
// through a temporary file and rename so a crash never leaves half a file.
#include "commands.h"
#include "core/staff_pin.h"

#include <nlohmann/json.hpp>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>
#include <termios.h>
#include <unistd.h>

namespace ck {

namespace {

using ordered_json = nlohmann::ordered_json;
const char* const kKey = "staff_pin_hash";

int SetPinUsage(const std::string& problem)
{
    std::fprintf(stderr, "carekiosk set-pin: %s\nusage: carekiosk set-pin --content DIR [--clear]\n",
                 problem.c_str());
    return 2;
}

// One line from stdin; the terminal does not echo it when stdin is a TTY.
bool ReadSecretLine(const char* prompt, std::string* line)
{
    const bool tty = isatty(STDIN_FILENO);
    termios saved{};
    if (tty) {
        std::fprintf(stderr, "%s", prompt);
        std::fflush(stderr);
        tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    const bool ok = static_cast<bool>(std::getline(std::cin, *line));
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        std::fprintf(stderr, "\n");
    }
    if (!line->empty() && line->back() == '\r')
        line->pop_back();
    return ok;
}

// The indentation of the first indented line, so a full rewrite looks alike.
int DetectIndent(const std::string& text)
{
    const size_t newline = text.find('\n');
    if (newline == std::string::npos)
        return 2;
    size_t spaces = 0;
    while (newline + 1 + spaces < text.size() && text[newline + 1 + spaces] == ' ')
        spaces++;
    return spaces > 0 ? int(spaces) : 2;
}

// `text` with the key's value set, touching nothing else: replaces an
// existing string value or adds the key before the closing brace. "" when
// the layout is unusual; the caller then lets nlohmann write the file.
std::string EditInPlace(const std::string& text, const ordered_json& expected, const std::string& hash)
{
    std::string edited;
    const std::regex existing("\"staff_pin_hash\"\\s*:\\s*\"[^\"\\\\]*\"");
    std::smatch match;
    if (std::regex_search(text, match, existing)) {
        edited = text.substr(0, size_t(match.position(0))) + "\"" + kKey + "\": \"" + hash + "\""
                 + text.substr(size_t(match.position(0) + match.length(0)));
    } else {
        const size_t close = text.rfind('}');
        if (close == std::string::npos)
            return std::string();
        size_t last = text.find_last_not_of(" \t\r\n", close == 0 ? 0 : close - 1);
        if (last == std::string::npos)
            return std::string();
        const bool empty_object = text[last] == '{';
        const std::string indent(size_t(DetectIndent(text)), ' ');
        edited = text.substr(0, last + 1) + (empty_object ? "" : ",") + "\n" + indent + "\"" + kKey + "\": \""
                 + hash + "\"\n" + text.substr(close);
    }
    const ordered_json check = ordered_json::parse(edited, nullptr, false);
    return !check.is_discarded() && check == expected ? edited : std::string();
}

bool WriteAtomically(const std::string& path, const std::string& text, std::string* error)
{
    const std::string temp = path + ".tmp";
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out << text;
        out.flush();
        if (!out) {
            *error = "cannot write " + temp;
            return false;
        }
    }
    if (std::rename(temp.c_str(), path.c_str()) != 0) {
        std::remove(temp.c_str());
        *error = "cannot replace " + path;
        return false;
    }
    return true;
}

} // namespace

int RunSetPin(const Args& args)
{
    ArgReader reader(args);
    const std::string dir = reader.Value("--content", DefaultContentDir());
    const bool clear = reader.Flag("--clear");
    if (!reader.Error().empty())
        return SetPinUsage(reader.Error());
    if (!reader.UnknownOption().empty())
        return SetPinUsage("unknown option " + reader.UnknownOption());
    if (!reader.Rest().empty())
        return SetPinUsage("unexpected argument '" + reader.Rest().front() + "'");

    const std::string path = dir + "/kiosk.json";
    std::string text;
    {
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            std::fprintf(stderr, "carekiosk set-pin: cannot read %s (is --content the content folder?)\n",
                         path.c_str());
            return 1;
        }
        std::stringstream buffer;
        buffer << in.rdbuf();
        text = buffer.str();
    }
    ordered_json config = ordered_json::parse(text, nullptr, false);
    if (config.is_discarded() || !config.is_object()) {
        std::fprintf(stderr, "carekiosk set-pin: %s is not a valid JSON object; run 'carekiosk check --content %s'\n",
                     path.c_str(), dir.c_str());
        return 1;
    }

    std::string hash;
    if (!clear) {
        std::string pin, again;
        if (!ReadSecretLine("New staff PIN (4-8 digits): ", &pin)) {
            std::fprintf(stderr, "carekiosk set-pin: no PIN given\n");
            return 1;
        }
        if (!IsValidStaffPin(pin)) {
            std::fprintf(stderr, "carekiosk set-pin: the PIN must be %d to %d digits\n", kStaffPinMinDigits,
                         kStaffPinMaxDigits);
            return 1;
        }
        if (!ReadSecretLine("Same PIN again: ", &again) || again != pin) {
            std::fprintf(stderr, "carekiosk set-pin: the two PINs differ; nothing changed\n");
            return 1;
        }
        hash = HashStaffPin(pin);
        if (hash.empty()) {
            std::fprintf(stderr, "carekiosk set-pin: cannot hash the PIN (libsodium failed)\n");
            return 1;
        }
    }

    std::string out_text;
    if (clear) {
        config.erase(kKey);
        out_text = config.dump(DetectIndent(text)) + "\n";
    } else {
        config[kKey] = hash;
        out_text = EditInPlace(text, config, hash);
        if (out_text.empty())
            out_text = config.dump(DetectIndent(text)) + "\n";
    }
    std::string error;
    if (!WriteAtomically(path, out_text, &error)) {
        std::fprintf(stderr, "carekiosk set-pin: %s\n", error.c_str());
        return 1;
    }
    std::printf(clear ? "staff PIN removed from %s\n" : "staff PIN saved in %s\n", path.c_str());
    return 0;
}

} // namespace ck
