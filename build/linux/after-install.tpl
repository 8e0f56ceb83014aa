#!/bin/bash

if type update-alternatives >/dev/null 2>&1; then
    # Remove previous link if it doesn't use update-alternatives
    if [ -L '/usr/bin/${executable}' -a -e '/usr/bin/${executable}' -a "`readlink '/usr/bin/${executable}'`" != '/etc/alternatives/${executable}' ]; then
        rm -f '/usr/bin/${executable}'
    fi
    update-alternatives --install '/usr/bin/${executable}' '${executable}' '/opt/${sanitizedProductName}/${executable}' 100 || ln -sf '/opt/${sanitizedProductName}/${executable}' '/usr/bin/${executable}'
else
    ln -sf '/opt/${sanitizedProductName}/${executable}' '/usr/bin/${executable}'
fi

# Check if user namespaces are supported by the kernel and working with a quick test:
if ! { [[ -L /proc/self/ns/user ]] && unshare --user true; }; then
    # Use SUID chrome-sandbox only on systems without user namespaces:
    chmod 4755 '/opt/${sanitizedProductName}/chrome-sandbox' || true
else
    chmod 0755 '/opt/${sanitizedProductName}/chrome-sandbox' || true
fi

if hash update-mime-database 2>/dev/null; then
    update-mime-database /usr/share/mime || true
fi

if hash update-desktop-database 2>/dev/null; then
    update-desktop-database /usr/share/applications || true
fi

# Install apparmor profile. (Ubuntu 24+)
# First check if the version of AppArmor running on the device supports our profile.
# This is in order to keep backwards compatibility with Ubuntu 22.04 which does not support abi/4.0.
# In that case, we just skip installing the profile since the app runs fine without it on 22.04.
#
# Those apparmor_parser flags are akin to performing a dry run of loading a profile.
# https://wiki.debian.org/AppArmor/HowToUse#Dumping_profiles
#
# Unfortunately, at the moment AppArmor doesn't have a good story for backwards compatibility.
# https://askubuntu.com/questions/1517272/writing-a-backwards-compatible-apparmor-profile
if apparmor_status --enabled > /dev/null 2>&1; then
  APPARMOR_PROFILE_SOURCE='/opt/${sanitizedProductName}/resources/apparmor-profile'
  APPARMOR_PROFILE_TARGET='/etc/apparmor.d/${executable}'
  if apparmor_parser --skip-kernel-load --debug "$APPARMOR_PROFILE_SOURCE" > /dev/null 2>&1; then
    cp -f "$APPARMOR_PROFILE_SOURCE" "$APPARMOR_PROFILE_TARGET"

    # Updating the current AppArmor profile is not possible and probably not meaningful in a chroot'ed environment.
    # Use cases are for example environments where images for clients are maintained.
    # There, AppArmor might correctly be installed, but live updating makes no sense.
    if ! { [ -x '/usr/bin/ischroot' ] && /usr/bin/ischroot; } && hash apparmor_parser 2>/dev/null; then
      # Extra flags taken from dh_apparmor:
      # > By using '-W -T' we ensure that any abstraction updates are also pulled in.
      # https://wiki.debian.org/AppArmor/Contribute/FirstTimeProfileImport
      apparmor_parser --replace --write-cache --skip-read-cache "$APPARMOR_PROFILE_TARGET"
    fi
  else
    echo "Skipping the installation of the AppArmor profile as this version of AppArmor does not seem to support the bundled profile"
  fi
fi

# --- 救助通工作站: the ID card reader for the clerk's account ---
# Readers are USB serial bridges (CDC-ACM, CH340, CP210x, PL2303) or speak USB themselves (0400:c35a).
# uaccess gives the logged-in desktop user the device at once (systemd-logind, as on UOS and Kylin);
# dialout is for consoles and older sessions, from the next login.
RESOURCES='/opt/${sanitizedProductName}/resources'
# (the UOS package's postinst reuses everything below this line: tools/release/uosPackage.ts)
install -D -m 0644 "$RESOURCES/linux/60-jiuzhu-idcard.rules" /etc/udev/rules.d/60-jiuzhu-idcard.rules
if hash udevadm 2>/dev/null; then
  udevadm control --reload-rules || true
  udevadm trigger --subsystem-match=tty --subsystem-match=usb || true
fi
if getent group dialout >/dev/null 2>&1; then
  getent passwd | while IFS=: read -r name _ uid _ _ _ shell; do
    case "$shell" in */nologin|*/false|'') continue ;; esac
    if [ "$uid" -ge 1000 ] && [ "$uid" -lt 60000 ]; then usermod -a -G dialout "$name" || true; fi
  done
fi
# --- 救助通工作站: a station the PC's staff accounts share (preset "dataScope": "machine") ---
# The group jiuzhu and the machine root: 3770 root:jiuzhu (the group reads and writes, the sticky bit
# keeps one account from moving another's folder, other accounts get nothing), the station's data
# folder 2770, and the machine-wide secret made here by root: 0640 root:jiuzhu in a 2750 folder, so
# every staff account reads it and none can change it. IT adds each staff account to the group:
# usermod -a -G jiuzhu <account> (from its next login). Unused unless the preset asks for it.
SHARED_ROOT='/var/lib/jiuzhu-workstation'
SHARED_GROUP='jiuzhu'
getent group "$SHARED_GROUP" >/dev/null 2>&1 || groupadd --system "$SHARED_GROUP" || true
if getent group "$SHARED_GROUP" >/dev/null 2>&1; then
  install -d -m 3770 -o root -g "$SHARED_GROUP" "$SHARED_ROOT"
  install -d -m 2770 -o root -g "$SHARED_GROUP" "$SHARED_ROOT/data"
  if [ ! -e "$SHARED_ROOT/machine/machine-secret.json" ]; then
    install -d -m 2750 -o root -g "$SHARED_GROUP" "$SHARED_ROOT/machine"
    SECRET_TMP="$SHARED_ROOT/machine/.machine-secret.json.tmp"
    (umask 077 && printf '{"format":"jiuzhu-machine-secret","version":1,"form":"file","secret":"%s"}\n' "$(head -c 32 /dev/urandom | base64 -w0)" > "$SECRET_TMP")
    chown "root:$SHARED_GROUP" "$SECRET_TMP" && chmod 0640 "$SECRET_TMP" && mv -f "$SECRET_TMP" "$SHARED_ROOT/machine/machine-secret.json"
  fi
fi
