#pragma once
// Free text (a coordinator's comment) must not carry a CPR number: the comment is stored with
// the case data and copied into the audit log, where DESIGN.md allows only the keyed hash and the
// masked form. Finding one is better than storing it.
#include <string_view>

namespace sagsaudit {

// True when the text holds a valid CPR number (domain/cpr.hpp: DDMMYY-SSSS or DDMMYYSSSS with a
// real date) that is not part of a longer run of digits. "010180-xxxx" (masked) is fine;
// "S-0101801234" is not, since a sagsnummer never needs a CPR in it either.
bool contains_cpr(std::string_view text);

}  // namespace sagsaudit
