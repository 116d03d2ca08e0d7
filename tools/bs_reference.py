# Independent reference values for BlackScholesTest: Black-Scholes-Merton in 40-digit
# arithmetic (mpmath). Run: python3 tools/bs_reference.py. Columns: price, delta, gamma, vega,
# theta (per year), vanna, charm (per year). b = r - q is the cost of carry (Haug notation).
from mpmath import mp, mpf, ncdf, npdf, log, sqrt, exp
mp.dps=40
def g(w,S,K,T,r,b,v):
    S,K,T,r,b,v=map(mpf,(S,K,T,r,b,v))
    q=r-b
    d1=(log(S/K)+(b+v*v/2)*T)/(v*sqrt(T)); d2=d1-v*sqrt(T)
    N=lambda x: ncdf(x); n=lambda x: npdf(x)
    if w=='C':
        p=S*exp(-q*T)*N(d1)-K*exp(-r*T)*N(d2); delta=exp(-q*T)*N(d1)
        theta=-S*exp(-q*T)*n(d1)*v/(2*sqrt(T))-r*K*exp(-r*T)*N(d2)+q*S*exp(-q*T)*N(d1)
        charm=-exp(-q*T)*(n(d1)*(b/(v*sqrt(T))-d2/(2*T))-q*N(d1))
    else:
        p=K*exp(-r*T)*N(-d2)-S*exp(-q*T)*N(-d1); delta=exp(-q*T)*(N(d1)-1)
        theta=-S*exp(-q*T)*n(d1)*v/(2*sqrt(T))+r*K*exp(-r*T)*N(-d2)-q*S*exp(-q*T)*N(-d1)
        charm=-exp(-q*T)*(n(d1)*(b/(v*sqrt(T))-d2/(2*T))+q*N(-d1))
    gamma=exp(-q*T)*n(d1)/(S*v*sqrt(T)); vega=S*exp(-q*T)*n(d1)*sqrt(T)
    vanna=-exp(-q*T)*n(d1)*d2/v
    return [float(x) for x in (p,delta,gamma,vega,theta,vanna,charm)]
cases=[('C',60,65,0.25,0.08,0.08,0.30),('P',100,95,0.5,0.10,0.05,0.20),('C',105,100,0.5,0.10,0,0.36),('P',105,100,0.5,0.10,0,0.36),('C',55,60,0.75,0.10,0.10,0.30),('C',55,60,0.75,0.105,0.0695,0.30),('P',430,405,0.0833,0.07,0.02,0.20),('C',49,50,0.3846,0.05,0.05,0.2),('C',42,40,0.5,0.1,0.1,0.2),('P',42,40,0.5,0.1,0.1,0.2)]
for c in cases: print(c, ["%.12f"%x for x in g(*c)])
