FROM debian:12
RUN ln -sf /bin/bash /bin/sh
RUN ln -s /bin/bash /bin/sh && echo
RUN ln -sf /bin/bash /usr/bin/sh
