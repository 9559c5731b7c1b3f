/* bcryptprimitives.dll for Wine 8, for tests only: never shipped.
 *
 * Rust's standard library (1.78 and later) draws its random numbers from ProcessPrng in
 * bcryptprimitives.dll, which every Windows 10 and 11 has and Wine 8 lacks. Placed beside
 * tonghop.exe under Wine, this DLL gives that one function, from RtlGenRandom
 * (SystemFunction036 in advapi32.dll), which Wine has. Built by scripts/wine-checks:
 *   x86_64-w64-mingw32-gcc -shared -O2 -o bcryptprimitives.dll processprng.c -ladvapi32
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
