FROM debian:12
RUN ssh host
RUN vim x
RUN service nginx start
RUN ps aux
RUN free -m
RUN top
RUN kill 1
RUN mount /x
RUN ifconfig
RUN shutdown now
RUN /usr/bin/ps aux
RUN sudo ps
