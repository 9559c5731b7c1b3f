/* Holds a file open as Excel does, for tests only: never shipped.
 *
 * Excel keeps the workbook it shows open, letting others read it but not write, rename or
 * delete it (no FILE_SHARE_WRITE, no FILE_SHARE_DELETE). scripts/wine-checks runs this under
 * Wine to see what tonghop says when an output it must replace is held so.
 *
 *   holdopen.exe FILE READY STOP
 * opens FILE, creates the file READY once FILE is held, and closes FILE when the file STOP
 * appears (or after two minutes). Exit status 0, or 1 if FILE could not be opened.
 */
#include <windows.h>
#include <stdio.h>

int wmain(int argc, wchar_t **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: holdopen FILE READY STOP\n");
        return 2;
    }
    HANDLE file = CreateFileW(argv[1], GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING,
                              FILE_ATTRIBUTE_NORMAL, NULL);
    if (file == INVALID_HANDLE_VALUE) {
        fprintf(stderr, "holdopen: cannot open the file (error %lu)\n", GetLastError());
        return 1;
    }
    HANDLE ready = CreateFileW(argv[2], GENERIC_WRITE, 0, NULL, CREATE_ALWAYS,
                               FILE_ATTRIBUTE_NORMAL, NULL);
    if (ready != INVALID_HANDLE_VALUE)
        CloseHandle(ready);
    for (int i = 0; i < 1200; i++) {
        if (GetFileAttributesW(argv[3]) != INVALID_FILE_ATTRIBUTES)
            break;
        Sleep(100);
    }
    CloseHandle(file);
    return 0;
}
