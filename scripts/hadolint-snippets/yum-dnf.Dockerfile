FROM centos:7
RUN yum install httpd
RUN yum install -y httpd-2.4
RUN yum install -y httpd && yum clean all
RUN yum install -y httpd-2.4 && rm -rf /var/cache/yum
RUN yum groupinstall -y x
RUN dnf install httpd
RUN dnf install -y httpd-2.4 && dnf clean all
RUN microdnf install httpd
RUN microdnf install -y httpd && microdnf clean all
RUN yum -y install httpd-2.4 && yum clean all
RUN yum install -y httpd-2.4.6-1.el7 && yum clean all
