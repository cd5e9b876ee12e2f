FROM opensuse/leap
RUN zypper -n in x-1.2 && zypper clean
RUN zypper --no-confirm install x && zypper clean
RUN zypper install -y x<2 && zypper clean
RUN zypper remove x
RUN zypper refresh
RUN zypper -n install -t pattern devel && zypper clean
