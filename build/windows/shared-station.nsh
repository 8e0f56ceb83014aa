; 救助通工作站: a station the PC's staff accounts share (preset "dataScope": "machine"; docs/RELEASE.md
; "Deployment"). The local group jiuzhu, and under %ProgramData%\jiuzhu-workstation the folders data\
; and machine\ with inheritance removed: the group may change their contents, Administrators and
; SYSTEM have full control, other accounts nothing. preset.json beside them stays readable by all.
; IT adds each staff account: net localgroup jiuzhu <account> /add. Unused unless the preset asks.
!macro customInstall
  ExpandEnvStrings $0 "%ProgramData%\jiuzhu-workstation"
  nsExec::ExecToLog 'net localgroup jiuzhu /add /comment:"Jiuzhu Workstation staff"'
  CreateDirectory "$0\data"
  CreateDirectory "$0\machine"
  nsExec::ExecToLog 'icacls "$0\data" /inheritance:r /grant:r *S-1-5-32-544:(OI)(CI)F *S-1-5-18:(OI)(CI)F jiuzhu:(OI)(CI)M'
  nsExec::ExecToLog 'icacls "$0\machine" /inheritance:r /grant:r *S-1-5-32-544:(OI)(CI)F *S-1-5-18:(OI)(CI)F jiuzhu:(OI)(CI)M'
!macroend
