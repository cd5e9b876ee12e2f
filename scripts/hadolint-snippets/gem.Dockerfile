FROM ruby:3
RUN gem install rails
RUN gem install rails:7.1
RUN gem install rails -v 7.1
RUN gem install bundler --version 2.5
RUN gem install rails -v=7.1
RUN gem update --system
RUN gem install --no-document rails:7
