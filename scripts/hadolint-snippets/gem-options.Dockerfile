FROM ruby:3
RUN gem install -N rails
RUN gem install rails:7 bundler
RUN gem i rails
RUN gem install ./x.gem
RUN bundle install
