FROM opensuse/leap
RUN zypper install httpd
RUN zypper install -y httpd=2.4 && zypper clean
RUN zypper dist-upgrade
RUN zypper dup -y
RUN zypper -n install httpd>=2.4 && zypper clean -a
RUN zypper --non-interactive in httpd && zypper cc
RUN zypper update -y
