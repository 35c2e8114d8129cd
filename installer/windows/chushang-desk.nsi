; Chushang Desk: a per-user Windows installer (no administrator rights) for the PyInstaller bundle.
; Built by .github/workflows/windows-installer.yml:
;   makensis /DVERSION=0.1.0 /DBUNDLE=dist\chushang-desk /DICON=build\icons\app.ico /DOUTFILE=dist\chushang-desk-setup.exe installer\windows\chushang-desk.nsi
; The program goes to %LOCALAPPDATA%\Programs\Chushang Desk. The officer's profile is elsewhere
; (%LOCALAPPDATA%\chushang-desk\default, services/profile.py): an upgrade replaces the program files only,
; so the profile and its unsynced edits stay; the uninstaller leaves the profile too, and says so.
Unicode true
!include "MUI2.nsh"
!include "LogicLib.nsh"

!ifndef VERSION
  !define VERSION "0.1.0"
!endif
!ifndef BUNDLE
  !define BUNDLE "..\..\dist\chushang-desk"
!endif
!ifndef ICON
  !define ICON "..\..\build\icons\app.ico"
!endif
!ifndef OUTFILE
  !define OUTFILE "chushang-desk-${VERSION}-setup.exe"
!endif
!ifndef EXE
  !define EXE "chushang-desk.exe"  ; the Linux check passes /DEXE=chushang-desk
!endif
!define APP "Chushang Desk"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\ChushangDesk"

Name "${APP}"
Caption "$(CaptionText)"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
!ifdef UNCOMPRESSED  ; the Linux check: the script compiles, without minutes of LZMA over 200 MB
  SetCompress off
!else
  SetCompressor /SOLID lzma
!endif
ShowInstDetails show
Icon "${ICON}"
UninstallIcon "${ICON}"
BrandingText "${APP} ${VERSION}"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

LangString CaptionText ${LANG_SIMPCHINESE} "楚商联络台 ${VERSION} 安装"
LangString CaptionText ${LANG_ENGLISH} "${APP} ${VERSION} Setup"
LangString StillRunning ${LANG_SIMPCHINESE} "楚商联络台正在运行。请先关闭它（未同步的修改会保留），再点“重试”。"
LangString StillRunning ${LANG_ENGLISH} "Chushang Desk is running. Close it first (unsynced edits are kept), then click Retry."
LangString ProfileKept ${LANG_SIMPCHINESE} "程序已卸载。您的资料库（含未同步的修改）仍保留在 $LOCALAPPDATA\chushang-desk，如需删除请手动删除该文件夹。"
LangString ProfileKept ${LANG_ENGLISH} "The program is removed. Your profile (with any unsynced edits) stays in $LOCALAPPDATA\chushang-desk; delete that folder yourself to remove it."
LangString MenuName ${LANG_SIMPCHINESE} "楚商联络台"
LangString MenuName ${LANG_ENGLISH} "${APP}"

; The running app holds its files open: replacing them half-way would leave a broken program.
!macro WaitUntilClosed
  retry:
  ClearErrors
  FileOpen $0 "$INSTDIR\${EXE}" a
  ${If} ${Errors}
    ${If} ${FileExists} "$INSTDIR\${EXE}"
      MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(StillRunning)" IDRETRY retry
      Abort
    ${EndIf}
  ${Else}
    FileClose $0
  ${EndIf}
!macroend

Section "Install"
  SetShellVarContext current
  !insertmacro WaitUntilClosed
  ; An upgrade: the old program's files go first (a module removed in the new version must not linger);
  ; the profile is not in this folder.
  RMDir /r "$INSTDIR\_internal"
  SetOutPath "$INSTDIR"
  File /r "${BUNDLE}\*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateDirectory "$SMPROGRAMS\$(MenuName)"
  CreateShortcut "$SMPROGRAMS\$(MenuName)\$(MenuName).lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0
  CreateShortcut "$SMPROGRAMS\$(MenuName)\Uninstall.lnk" "$INSTDIR\uninstall.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "$(MenuName)"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${APP}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${EXE}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  !insertmacro WaitUntilClosed
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\chushang-desk-cli.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  RMDir /r "$SMPROGRAMS\$(MenuName)"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  MessageBox MB_OK|MB_ICONINFORMATION "$(ProfileKept)" /SD IDOK
SectionEnd
