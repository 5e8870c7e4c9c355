// The staff PIN: hashing and checking with libsodium's password hash
// (crypto_pwhash_str, Argon2id, "interactive" limits: about 0.1 s and 64 MiB
// per check), and the lockout that makes guessing slow: five wrong PINs in a
// row lock the pad for 60 seconds. Pure logic apart from the hash; time is
// passed in (seconds on any monotonic clock) so tests use a fake clock.
#pragma once
#include <string>

namespace ck {

constexpr int kStaffPinMinDigits = 4;
constexpr int kStaffPinMaxDigits = 8;

// True for 4 to 8 ASCII digits.
bool IsValidStaffPin(const std::string& pin);

// The hash string to store in kiosk.json ("$argon2id$..."), or "" when
// libsodium cannot be initialised or runs out of memory.
std::string HashStaffPin(const std::string& pin);

// True when `pin` matches `hash`. False for an empty or malformed hash.
bool VerifyStaffPin(const std::string& pin, const std::string& hash);

// Counts wrong PINs and locks the pad after too many in a row.
class PinLockout {
public:
    static constexpr int kMaxAttempts = 5;
    static constexpr double kLockSeconds = 60.0;

    bool Locked(double now) const { return now < locked_until_; }
    // Whole seconds left on the lock, rounded up (0 when not locked).
    int SecondsLeft(double now) const;
    // Records the result of a check. A right PIN clears the count; the fifth
    // wrong one in a row locks the pad until now + kLockSeconds and starts a
    // fresh count.
    void Record(bool correct, double now);
    int WrongInARow() const { return wrong_; }

private:
    int wrong_ = 0;
    double locked_until_ = -1.0e300;
};

// Checks a PIN unless the pad is locked; records the result.
enum class PinResult { Accepted, Wrong, Locked, NoPinSet };
PinResult TryStaffPin(const std::string& pin, const std::string& hash, PinLockout* lockout, double now);

} // namespace ck
