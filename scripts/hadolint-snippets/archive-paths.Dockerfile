FROM debian:12
COPY z.tar.gz /z.tar.gz
COPY y.tar.xz /tmp/
RUN tar -xf /tmp/y.tar.xz
COPY w.tgz w.tar.bz2 /opt/
RUN cd /opt && tar xzf w.tgz
