// carekiosk set-pin [--content DIR] [--clear]: asks for a new staff PIN twice
// (no echo on a terminal) and stores its hash in the kiosk's state folder
// (StaffPinPath(), 0600), never in the content folder. A "staff_pin_hash"
// that an older version wrote into kiosk.json is removed from it with the
// JSON library (the other keys and their order stay); a kiosk.json without
// one is not touched at all.
#include "commands.h"
#include "usage.h"
#include "staff/staff_pin.h"

#include <nlohmann/json.hpp>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <termios.h>
#include <unistd.h>

namespace ck {

namespace {

using ordered_json = nlohmann::ordered_json;
const char* const kKey = "staff_pin_hash";

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

// Removes the hash an older version kept in kiosk.json. True when there was
// nothing to remove or it is gone; the file is left as it was otherwise.
bool MoveOutOfKioskJson(const std::string& dir, bool* moved)
{
    *moved = false;
    const std::string path = dir + "/kiosk.json";
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return true;   // no kiosk.json here: nothing to move
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    ordered_json config = ordered_json::parse(text, nullptr, false);
    if (config.is_discarded() || !config.is_object() || !config.contains(kKey))
        return true;
    config.erase(kKey);
    std::string error;
    if (!WriteAtomically(path, config.dump(DetectIndent(text)) + "\n", &error)) {
        std::fprintf(stderr, "carekiosk set-pin: %s; remove \"%s\" from it by hand\n", error.c_str(), kKey);
        return false;
    }
    *moved = true;
    return true;
}

} // namespace

int RunSetPin(const Args& args)
{
    const std::string path = StaffPinPath();
    ArgReader reader(args);
    const std::string dir = reader.ContentDir();
    const bool clear = reader.Flag("--clear");
    if (reader.Rejected("set-pin"))
        return kUsageStatus;
    if (path.empty()) {
        std::fprintf(stderr, "carekiosk set-pin: no state folder: set XDG_STATE_HOME or HOME\n");
        return 1;
    }

    std::string hash;
    if (!clear) {
        std::string pin, again;
        if (!ReadSecretLine("New staff PIN (6-12 digits): ", &pin)) {
            std::fprintf(stderr, "carekiosk set-pin: no PIN given\n");
            return 1;
        }
        if (!IsValidStaffPin(pin)) {
            const bool digits = !pin.empty() && pin.find_first_not_of("0123456789") == std::string::npos;
            std::fprintf(stderr, "carekiosk set-pin: the PIN must be %d to %d digits%s\n", kStaffPinMinDigits,
                         kStaffPinMaxDigits,
                         digits && pin.size() < size_t(kStaffPinMinDigits)
                             ? " (a shorter one falls to a search of every PIN in minutes, should a copy of "
                               "its hash ever leave the kiosk)"
                             : "");
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
    std::string error;
    if (!WriteStaffPinFile(path, hash, &error)) {
        std::fprintf(stderr, "carekiosk set-pin: %s\n", error.c_str());
        return 1;
    }
    bool moved = false;
    const bool cleaned = MoveOutOfKioskJson(dir, &moved);
    std::printf(clear ? "staff PIN removed (%s)\n" : "staff PIN saved in %s\n", path.c_str());
    if (moved)
        std::printf("the old staff_pin_hash was removed from %s/kiosk.json\n", dir.c_str());
    return cleaned ? 0 : 1;
}

} // namespace ck
