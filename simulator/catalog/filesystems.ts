/** Building blocks of the catalog's root filesystems: the directories and commands distributions ship. */
import type { CatalogLayer } from "./types.ts";

/** BusyBox 1.37's applets, as the busybox image installs them in /bin. */
export const busyboxApplets = `[ [[ acpid addgroup adduser adjtimex ar arch arp arping ash awk base32 base64 basename bc beep blkdiscard blkid
blockdev bootchartd brctl bunzip2 bzcat bzip2 cal cat chat chattr chgrp chmod chown chpasswd chpst chroot chrt chvt cksum clear
cmp comm cp cpio crc32 crond crontab cryptpw cut date dc dd deallocvt delgroup deluser depmod devmem df dhcprelay diff dirname
dmesg dnsd dnsdomainname dos2unix du dumpkmap dumpleases echo ed egrep eject env envdir envuidgid ether-wake expand expr factor
fakeidentd fallocate false fatattr fbset fdflush fdformat fdisk fgconsole fgrep find findfs flock fold free freeramdisk fsck
fsfreeze fstrim fsync ftpd ftpget ftpput fuser getfattr getopt getty grep groups gunzip gzip halt hd hdparm head hexdump hexedit
hostid hostname httpd hush hwclock id ifconfig ifdown ifup inetd init insmod install ionice iostat ip ipaddr ipcalc ipcrm ipcs
iplink ipneigh iproute iprule iptunnel kill killall killall5 klogd last less link linux32 linux64 ln loadfont logger login logname
logread losetup ls lsattr lsmod lsof lspci lsscsi lsusb lzcat lzma lzop makedevs man md5sum mdev mesg microcom mkdir mkdosfs
mke2fs mkfifo mknod mkpasswd mkswap mktemp modinfo modprobe more mount mountpoint mpstat mt mv nameif nc netstat nice nl nmeter
nohup nologin nproc nsenter nslookup ntpd od openvt partprobe passwd paste patch pgrep pidof ping ping6 pipe_progress pivot_root
pkill pmap poweroff powertop printenv printf ps pscan pstree pwd pwdx raidautorun rdate rdev readahead readlink readprofile
realpath reboot renice reset resize rev rm rmdir rmmod route rpm rpm2cpio rtcwake run-parts runlevel runsv runsvdir rx script sed
seedrng sendmail seq setarch setconsole setfattr setfont setkeycodes setlogcons setpriv setserial setsid setuidgid sh sha1sum
sha256sum sha3sum sha512sum showkey shred shuf slattach sleep smemcap softlimit sort split ssl_client start-stop-daemon stat
strings stty su sulogin sum sv svc svlogd svok swapoff swapon switch_root sync sysctl syslogd tac tail tar taskset tc tcpsvd tee
telnet telnetd test tftp tftpd time timeout top touch tr traceroute traceroute6 tree true truncate ts tsort tty ttysize tunctl udhcpc
udhcpc6 udhcpd udpsvd uevent umount uname unexpand uniq unix2dos unlink unlzma unshare unxz unzip uptime users usleep uudecode
uuencode vconfig vi vlock volname w wall watch watchdog wc wget which who whoami whois xargs xxd xz xzcat yes zcat zcip`.split(/\s+/);

/** Directories every Linux root filesystem has. */
export const standardDirs = ["/bin", "/dev", "/etc", "/home", "/proc", "/root", "/sys", "/tmp", "/usr/bin", "/usr/local/bin", "/var/log", "/var/tmp"];

/** Commands a Debian or Ubuntu base image has on its PATH (coreutils, util-linux, bash, grep, sed, ...). */
export const debianCommands = `bash sh dash cat chgrp chmod chown cp date dd df dir echo false ln ls mkdir mknod mktemp mv pwd readlink rm rmdir sleep
stty sync touch true uname vdir arch b2sum base32 base64 basename chcon cksum comm csplit cut dirname du env expand expr factor fmt fold
groups head hostid id install join link logname md5sum mkfifo nice nl nohup nproc numfmt od paste pathchk pinky pr printenv printf ptx
realpath runcon seq sha1sum sha224sum sha256sum sha384sum sha512sum shred shuf sort split stat stdbuf sum tac tail tee test timeout
tr truncate tsort tty unexpand uniq unlink users wc who whoami yes grep egrep fgrep sed gzip gunzip zcat tar find xargs hostname mawk
awk diff cmp login su mount umount kill ps more getconf ldd apt apt-get apt-cache dpkg which clear reset tput`.split(/\s+/);

/** A layer file for a catalog image: contents in `files`, executables in `executables`. */
export function commandsIn(dir: string, names: string[]): string[] {
  return names.map((n) => `${dir}/${n}`);
}

export type LayerContent = Pick<CatalogLayer, "files" | "executables" | "symlinks" | "dirs">;
