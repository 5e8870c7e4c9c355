// Staff PIN hashing and lockout. See staff_pin.h.
#include "core/staff_pin.h"

#include <sodium.h>
#include <cmath>

namespace ck {

static bool SodiumReady()
{
    static const bool ready = sodium_init() >= 0;   // thread-safe, idempotent
    return ready;
}

bool IsValidStaffPin(const std::string& pin)
{
    if (pin.size() < size_t(kStaffPinMinDigits) || pin.size() > size_t(kStaffPinMaxDigits))
        return false;
    for (char c : pin)
        if (c < '0' || c > '9')
            return false;
    return true;
}

std::string HashStaffPin(const std::string& pin)
{
    if (!SodiumReady())
        return std::string();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return std::string();
    return out;
}

bool VerifyStaffPin(const std::string& pin, const std::string& hash)
{
    // crypto_pwhash_str_verify wants a NUL-terminated string that fits its buffer.
    if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES || !SodiumReady())
        return false;
    return crypto_pwhash_str_verify(hash.c_str(), pin.data(), pin.size()) == 0;
}

int PinLockout::SecondsLeft(double now) const
{
    return Locked(now) ? int(std::ceil(locked_until_ - now)) : 0;
}

void PinLockout::Record(bool correct, double now)
{
    if (correct) {
        wrong_ = 0;
        return;
    }
    if (++wrong_ >= kMaxAttempts) {
        locked_until_ = now + kLockSeconds;
        wrong_ = 0;
    }
}

PinResult TryStaffPin(const std::string& pin, const std::string& hash, PinLockout* lockout, double now)
{
    if (hash.empty())
        return PinResult::NoPinSet;
    if (lockout->Locked(now))
        return PinResult::Locked;
    const bool correct = VerifyStaffPin(pin, hash);
    lockout->Record(correct, now);
    return correct ? PinResult::Accepted : PinResult::Wrong;
}

} // namespace ck
