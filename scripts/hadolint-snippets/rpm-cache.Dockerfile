FROM centos:7
RUN --mount=type=cache,target=/var/cache/yum yum install -y x-1
RUN yum install -y x-1 && rm -rf /var/cache/yum/*
RUN dnf install -y x-1 && rm -rf /var/cache/dnf
RUN yum install -y x-1.2 y && yum clean all
RUN yum install -y /tmp/x.rpm && yum clean all
RUN dnf install -y x-1 && dnf clean all && dnf install -y y-2
