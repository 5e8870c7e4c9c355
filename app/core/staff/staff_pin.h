// The staff PIN: hashing and checking with libsodium's password hash
// (crypto_pwhash_str, Argon2id, 64 MiB and kStaffPinOpsLimit passes: about
// half a second per check on a small kiosk PC, so an offline search of all
// 6-digit PINs takes days, not minutes), where the hash lives, and the
// lockout that makes guessing at the kiosk slow: five wrong PINs in a row
// lock the pad for 1 minute, the next five for 5, then 30 each time. Pure
// logic apart from the hash and its file; time is passed in (seconds on any
// monotonic clock) so tests use a fake clock.
//
// The hash is not content: it lives in the kiosk's state folder
// (StaffPinPath(), 0600), never in a content folder that a clinic may keep in
// a shared git repository. A "staff_pin_hash" in kiosk.json is honoured when
// that file is absent, so a kiosk set up that way keeps its PIN;
// `carekiosk set-pin` moves it.
#pragma once
#include <string>

namespace ck {

constexpr int kStaffPinMinDigits = 6;
constexpr int kStaffPinMaxDigits = 12;
constexpr unsigned long long kStaffPinOpsLimit = 20;   // Argon2id passes; see the top of this file

// True for 6 to 12 ASCII digits.
bool IsValidStaffPin(const std::string& pin);

// The hash string to store ("$argon2id$..."), or "" when libsodium cannot
// be initialised or runs out of memory.
std::string HashStaffPin(const std::string& pin);

// $XDG_STATE_HOME/carekiosk/staff-pin, else ~/.local/state/carekiosk/staff-pin
// (the kiosk's service sets XDG_STATE_HOME=/var/lib); "" without either.
std::string StaffPinPath();
// The hash in `path`; "" when there is no such file or it cannot be read.
std::string ReadStaffPinFile(const std::string& path);
// Writes `hash` to `path` (0600, folder 0700) through a temporary file and a
// rename, so a crash never leaves half a hash. An empty `hash` deletes it.
bool WriteStaffPinFile(const std::string& path, const std::string& hash, std::string* error);

// True when `pin` matches `hash`. False for an empty or malformed hash.
bool VerifyStaffPin(const std::string& pin, const std::string& hash);

// Counts wrong PINs and locks the pad after too many in a row, longer each
// time; a right PIN starts over.
class PinLockout {
public:
    static constexpr int kMaxAttempts = 5;
    static constexpr double kLockSeconds[] = {60.0, 300.0, 1800.0};   // the first lock, the second, every later one

    bool Locked(double now) const { return now < locked_until_; }
    // Whole seconds left on the lock, rounded up (0 when not locked).
    int SecondsLeft(double now) const;
    // Records the result of a check. A right PIN clears the count and the
    // locks; the fifth wrong one in a row locks the pad (1, 5, then 30
    // minutes) and starts a fresh count.
    void Record(bool correct, double now);
    int WrongInARow() const { return wrong_; }

private:
    int wrong_ = 0;
    int locks_ = 0;   // locks since the last right PIN
    double locked_until_ = -1.0e300;
};

// Checks a PIN unless the pad is locked; records the result.
enum class PinResult { Accepted, Wrong, Locked, NoPinSet };
PinResult TryStaffPin(const std::string& pin, const std::string& hash, PinLockout* lockout, double now);

} // namespace ck
