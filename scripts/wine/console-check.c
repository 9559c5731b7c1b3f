/* Watches a console's output code page while a program runs in it, for tests only: never
 * shipped. scripts/wine-checks runs it under Wine inside a pseudo-terminal (`script`), where
 * Wine gives it a console.
 *
 *   console-check.exe RESULT COMMAND-LINE
 * sets the console's output code page to 437, runs COMMAND-LINE in the same console with
 * TONGHOP_PAUSE=1 and its standard input a pipe, so that tonghop waits for Enter; reads the
 * code page while it waits, then sends Enter, waits for the end, and reads the code page
 * again. Writes "during=N after=N exit=N" to the file RESULT. Exit status 0 when the code
 * page was 65001 (UTF-8) during the run and 437 again after it, else 1; 3 without a console.
 */
#include <windows.h>
#include <stdio.h>

int wmain(int argc, wchar_t **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: console-check RESULT COMMAND-LINE\n");
        return 2;
    }
    FILE *result = _wfopen(argv[1], L"w");
    if (!result)
        return 2;
    if (GetConsoleOutputCP() == 0 || !SetConsoleOutputCP(437)) {
        fprintf(result, "no console\n");
        fclose(result);
        return 3;
    }
    SECURITY_ATTRIBUTES inherit = {sizeof inherit, NULL, TRUE};
    HANDLE read_end, write_end;
    if (!CreatePipe(&read_end, &write_end, &inherit, 0))
        return 2;
    SetHandleInformation(write_end, HANDLE_FLAG_INHERIT, 0);
    SetEnvironmentVariableW(L"TONGHOP_PAUSE", L"1");
    STARTUPINFOW si = {sizeof si};
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdInput = read_end;
    si.hStdOutput = GetStdHandle(STD_OUTPUT_HANDLE);
    si.hStdError = GetStdHandle(STD_ERROR_HANDLE);
    PROCESS_INFORMATION pi;
    if (!CreateProcessW(NULL, argv[2], NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi)) {
        fprintf(result, "cannot start (error %lu)\n", GetLastError());
        fclose(result);
        return 2;
    }
    CloseHandle(read_end);
    /* tonghop sets the code page at start and waits for Enter before it ends. */
    UINT during = GetConsoleOutputCP();
    for (int i = 0; i < 600 && during != 65001; i++) {
        if (WaitForSingleObject(pi.hProcess, 100) == WAIT_OBJECT_0)
            break;
        during = GetConsoleOutputCP();
    }
    DWORD written;
    WriteFile(write_end, "\r\n", 2, &written, NULL);
    CloseHandle(write_end);
    WaitForSingleObject(pi.hProcess, 60000);
    DWORD code = 259;
    GetExitCodeProcess(pi.hProcess, &code);
    UINT after = GetConsoleOutputCP();
    fprintf(result, "during=%u after=%u exit=%lu\n", during, after, code);
    fclose(result);
    return during == 65001 && after == 437 ? 0 : 1;
}
