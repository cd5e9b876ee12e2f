FROM centos:7
RUN yum install -y python3-pip && yum clean all
RUN yum install -y python3-pip-9.0 && yum clean all
RUN yum install --assumeyes x-1 && yum clean all
RUN yum install -y x-1.el7 && yum clean all
RUN yum install -y x-v1 && yum clean all
RUN yum install -y x.1 && yum clean all
RUN yum localinstall x-1 && yum clean all
RUN yum groupinstall x && yum clean all
RUN yum reinstall x && yum clean all
RUN yum -q -y install x-1 && yum clean all
